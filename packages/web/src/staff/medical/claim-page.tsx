import { useQuery } from '@tanstack/react-query';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { UserView } from '../../api/pending-paths.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ClaimFacts } from '../../medical/claim-facts.tsx';
import { ClaimSettlement } from '../../medical/claim-settlement.tsx';
import { fetchClaim, medicalKeys } from '../../medical/medical-api.ts';
import { LoadingPage } from '../../shell/loading-page.tsx';
import { usePageTitle } from '../../shell/page-title.ts';
import { problemMessage } from '../problem-message.tsx';
import { TitledSection } from '../titled-section.tsx';
import { CancelClaimForm } from './cancel-claim-form.tsx';
import { actsOnMedical, ownInstitution } from './medical-roles.ts';

/**
 * /staff/medical/claims/:claimNo: one claim as settled, every amount and its explanation, and its
 * cancellation by the institution's counter or a medical officer (docs/RULES.md 16.3).
 */
export function ClaimPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const claimNo = useParams().claimNo ?? '';
  usePageTitle(t('medicalPages.claimPage.title', { claimNo }));
  const claim = useQuery({ queryKey: medicalKeys.claim(claimNo), queryFn: () => fetchClaim(claimNo) });
  const own = ownInstitution(user);
  const back =
    own !== null
      ? { to: '/staff/medical/claims', label: t('medicalPages.claimPage.backToClaims') }
      : claim.data
        ? {
            to: `/staff/medical/institutions/${claim.data.institution.id}`,
            label: t('medicalPages.claimPage.backToInstitution', { name: claim.data.institution.name }),
          }
        : null;
  const mayCancel = own !== null || actsOnMedical(user);
  return (
    <div className="page page-wide medical-page">
      {back && <Link to={back.to}>{back.label}</Link>}
      <Typography.Title level={1}>{t('medicalPages.claimPage.title', { claimNo })}</Typography.Title>
      {claim.isPending ? (
        <LoadingPage />
      ) : claim.isError ? (
        <ProblemAlert error={claim.error} describe={problemMessage} />
      ) : (
        <>
          {claim.data.status === 'cancelled' && (
            <Alert
              type="warning"
              showIcon
              role="status"
              className="medical-outcome"
              title={t('medicalPages.claimPage.cancelled', {
                date: claim.data.cancellation?.cancelledOn ?? '',
                reason: claim.data.cancellation?.reason ?? '',
              })}
            />
          )}
          <ClaimFacts claim={claim.data} />
          <ClaimSettlement claim={claim.data} />
          {claim.data.status === 'settled' && mayCancel && (
            <TitledSection id="cancel-claim-title" title={t('medicalPages.cancel.title')}>
              <CancelClaimForm claim={claim.data} />
            </TitledSection>
          )}
        </>
      )}
    </div>
  );
}
