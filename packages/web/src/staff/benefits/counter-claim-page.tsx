import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { BenefitsLoading, LoadFailure } from '../../benefits/application-parts.tsx';
import type { Application } from '../../benefits/benefits-api.ts';
import { FiledClaim, PensionClaimForm } from '../../benefits/pension-claim-form.tsx';
import { usePageTitle } from '../../shell/page-title.ts';
import { dataOf } from '../api-data.ts';

/**
 * /staff/persons/:personId/pension-claim: a benefits officer files a person's pension claim at the counter,
 * then attaches the documents the person brought.
 */
export function CounterClaimPage() {
  const { t } = useTranslation();
  const personId = useParams().personId ?? '';
  const person = useQuery({
    queryKey: ['staff', 'person', personId],
    queryFn: () => dataOf(() => api.GET('/api/persons/{personId}', { params: { path: { personId } } })),
  });
  const [filed, setFiled] = useState<Application | null>(null);
  const title = t('benefitPages.staff.counter.title', { name: person.data?.name ?? '' });
  usePageTitle(title);
  if (person.isPending) return <BenefitsLoading />;
  if (person.isError)
    return (
      <div className="page benefit-page">
        <LoadFailure error={person.error} onRetry={() => void person.refetch()} />
      </div>
    );
  return (
    <div className="page benefit-page">
      <Link to={`/staff/persons/${personId}`}>{t('benefitPages.staff.application.personLink')}</Link>
      <Typography.Title level={1}>{title}</Typography.Title>
      <Typography.Paragraph>{t('benefitPages.staff.counter.intro')}</Typography.Paragraph>
      {filed === null ? (
        <PensionClaimForm personId={person.data.id} sex={person.data.sex} onFiled={setFiled} />
      ) : (
        <FiledClaim
          filed={filed}
          next={
            <Link to={`/staff/applications/${filed.id}`}>
              {t('benefitPages.staff.counter.toApplication')}
            </Link>
          }
        />
      )}
    </div>
  );
}
