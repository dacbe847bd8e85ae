import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchInstitution, medicalKeys } from '../../medical/medical-api.ts';
import { chinaToday } from '../../shell/agency-clock.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { AgreementStatusTag } from './agreement-card.tsx';
import { CounterClaimForm } from './counter-claim-form.tsx';
import { currentAgreement } from './current-agreement.ts';

/**
 * The counter of an institution (/staff/medical/settle for its own account; .../institutions/:id/settle
 * for an officer taking a claim by hand): the institution and whether it settles today, then the claim.
 */
export function CounterPage({ institutionId, back }: { institutionId: number; back?: string }) {
  const { t } = useTranslation();
  usePageTitle(t('medicalPages.counter.title'));
  const institution = useQuery({
    queryKey: medicalKeys.institution(institutionId),
    queryFn: () => fetchInstitution(institutionId),
  });
  const agreement = institution.data ? currentAgreement(institution.data, chinaToday()) : undefined;
  return (
    <div className="page page-wide medical-page">
      {back && <Link to={back}>{t('medicalPages.counter.back')}</Link>}
      <Typography.Title level={1}>{t('medicalPages.counter.title')}</Typography.Title>
      {institution.data && (
        <Typography.Paragraph className="medical-counter-institution">
          {t('medicalPages.counter.at', { name: institution.data.name })}{' '}
          {agreement && <AgreementStatusTag agreement={agreement} />}
        </Typography.Paragraph>
      )}
      {institution.data && !institution.data.settlingToday && (
        <Alert
          type="warning"
          showIcon
          className="medical-outcome"
          title={t('medicalPages.counter.notSettling')}
          // A suspension or an end says why, as the officer recorded it.
          description={
            agreement && agreement.status !== 'active' ? (agreement.statusReason ?? undefined) : undefined
          }
        />
      )}
      <Typography.Paragraph type="secondary">{t('medicalPages.counter.intro')}</Typography.Paragraph>
      <CounterClaimForm institutionId={institutionId} />
    </div>
  );
}
