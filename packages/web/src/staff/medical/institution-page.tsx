import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { UserView } from '../../api/pending-paths.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fetchInstitution, medicalKeys } from '../../medical/medical-api.ts';
import { LoadingPage } from '../../shell/loading-page.tsx';
import { usePageTitle } from '../../shell/page-title.ts';
import { problemMessage } from '../problem-message.tsx';
import { TitledSection } from '../titled-section.tsx';
import { InstitutionAgreements } from './institution-agreements.tsx';
import { InstitutionClaims } from './institution-claims.tsx';
import { InstitutionFacts } from './institution-facts.tsx';
import { InstitutionStatements } from './institution-statements.tsx';
import { actsOnMedical } from './medical-roles.ts';
import { SignAgreementForm } from './sign-agreement-form.tsx';

/**
 * /staff/medical/institutions/:institutionId: a designated institution for the medical officers: its
 * facts, its agreements with their history (sign one; suspend, end or restore one), its claims and its
 * monthly statements.
 */
export function InstitutionPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const institutionId = Number(useParams().institutionId);
  const institution = useQuery({
    queryKey: medicalKeys.institution(institutionId),
    queryFn: () => fetchInstitution(institutionId),
    enabled: Number.isInteger(institutionId) && institutionId > 0,
  });
  usePageTitle(institution.data?.name ?? t('medicalPages.institution.title'));
  const manage = actsOnMedical(user);
  return (
    <div className="page page-wide medical-page">
      <Link to="/staff/medical/institutions">{t('medicalPages.institution.backToList')}</Link>
      {institution.isError ? (
        <>
          <Typography.Title level={1}>{t('medicalPages.institution.title')}</Typography.Title>
          <ProblemAlert error={institution.error} describe={problemMessage} />
        </>
      ) : !institution.data ? (
        <LoadingPage />
      ) : (
        <>
          <Typography.Title level={1}>{institution.data.name}</Typography.Title>
          <InstitutionFacts institution={institution.data} />
          {manage && (
            <Typography.Paragraph className="medical-outcome">
              <Link to={`/staff/medical/institutions/${institutionId}/settle`}>
                {t('medicalPages.institution.settleHere')}
              </Link>
            </Typography.Paragraph>
          )}
          <TitledSection id="institution-agreements" title={t('medicalPages.agreements.title')}>
            <InstitutionAgreements institution={institution.data} manage={manage} />
          </TitledSection>
          {manage && (
            <TitledSection id="sign-agreement-title" title={t('medicalPages.sign.title')}>
              <SignAgreementForm institutionId={institutionId} />
            </TitledSection>
          )}
          <TitledSection id="institution-claims" title={t('medicalPages.claims.title')}>
            <InstitutionClaims institutionId={institutionId} />
          </TitledSection>
          <TitledSection
            id="institution-statements"
            title={t('medicalFundPages.institutionStatements.sectionTitle')}
          >
            <InstitutionStatements institutionId={institutionId} />
          </TitledSection>
        </>
      )}
    </div>
  );
}
