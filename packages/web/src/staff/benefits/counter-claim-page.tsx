import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { BenefitsLoading, DocumentsTable, LoadFailure } from '../../benefits/application-parts.tsx';
import { benefitKeys, fetchApplication, type Application } from '../../benefits/benefits-api.ts';
import { DocumentUpload, PensionClaimForm } from '../../benefits/pension-claim-form.tsx';
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
  const current = useQuery({
    queryKey: benefitKeys.application(filed?.id ?? 0),
    queryFn: () => fetchApplication(filed!.id),
    enabled: filed !== null,
    initialData: filed ?? undefined,
  });
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
        <>
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('benefitPages.person.apply.done', { no: filed.applicationNo })}
          />
          <Typography.Title level={2} className="section-title">
            {t('benefitPages.documents.uploadTitle')}
          </Typography.Title>
          {current.data && (
            <>
              <DocumentUpload application={current.data} />
              <DocumentsTable application={current.data} />
            </>
          )}
          <Typography.Paragraph className="benefit-section">
            <Link to={`/staff/applications/${filed.id}`}>
              {t('benefitPages.staff.counter.toApplication')}
            </Link>
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}
