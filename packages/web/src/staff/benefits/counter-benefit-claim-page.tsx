import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { BenefitsLoading, LoadFailure } from '../../benefits/application-parts.tsx';
import type { Application } from '../../benefits/benefits-api.ts';
import { ClaimKindForm, claimKindOf } from '../../person/claim-kind-form.tsx';
import { usePageTitle } from '../../shell/page-title.ts';
import { dataOf } from '../api-data.ts';

const A = 'benefitPages.claims.apply';
const S = 'benefitPages.claims.counter';

/**
 * /staff/persons/:personId/claims: a benefits officer files a person's work injury identification (for the
 * person, a relative or the union), injury benefits (the survivors' death benefits among them), unemployment
 * or maternity claim at the counter (docs/RULES.md 15.14, 15.17); the kind may come in the address.
 */
export function CounterBenefitClaimPage() {
  const { t } = useTranslation();
  const personId = useParams().personId ?? '';
  const [params] = useSearchParams();
  const [filed, setFiled] = useState<Application | null>(null);
  const person = useQuery({
    queryKey: ['staff', 'person', personId],
    queryFn: () => dataOf(() => api.GET('/api/persons/{personId}', { params: { path: { personId } } })),
  });
  const title = t(`${S}.title`, { name: person.data?.name ?? '' });
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
      <Typography.Paragraph>{t(`${S}.intro`)}</Typography.Paragraph>
      {filed ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t(`${A}.filed`, { no: filed.applicationNo })}
          action={
            <Link to={`/staff/applications/${filed.id}`}>
              {t('benefitPages.staff.counter.toApplication')}
            </Link>
          }
        />
      ) : (
        <ClaimKindForm
          personId={person.data.id}
          initialKind={claimKindOf(params.get('kind'))}
          onFiled={setFiled}
          atCounter
        />
      )}
    </div>
  );
}
