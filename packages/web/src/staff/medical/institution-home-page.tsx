import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fetchInstitution, medicalKeys } from '../../medical/medical-api.ts';
import { LoadingPage } from '../../shell/loading-page.tsx';
import { usePageTitle } from '../../shell/page-title.ts';
import { problemMessage } from '../problem-message.tsx';
import { TitledSection } from '../titled-section.tsx';
import { InstitutionAgreements } from './institution-agreements.tsx';
import { InstitutionFacts } from './institution-facts.tsx';

/**
 * /staff for an institution's own account: where it lands after signing in. Its institution, whether it
 * settles today, its agreements with their period, scope and history, and the way to the counter, to its
 * claims and to its monthly statements. It reads; the agency's officers change the agreements.
 */
export function InstitutionHomePage({ institutionId }: { institutionId: number }) {
  const { t } = useTranslation();
  const institution = useQuery({
    queryKey: medicalKeys.institution(institutionId),
    queryFn: () => fetchInstitution(institutionId),
  });
  usePageTitle(institution.data?.name ?? t('medicalPages.institution.title'));
  if (institution.isError)
    return (
      <div className="page">
        <Typography.Title level={1}>{t('medicalPages.institution.title')}</Typography.Title>
        <ProblemAlert error={institution.error} describe={problemMessage} />
      </div>
    );
  if (!institution.data) return <LoadingPage />;
  return (
    <div className="page page-wide medical-page">
      <Typography.Title level={1}>{institution.data.name}</Typography.Title>
      <Typography.Paragraph>{t('medicalPages.home.intro')}</Typography.Paragraph>
      <ul className="medical-quick-links">
        <li>
          <Link to="/staff/medical/settle" className="medical-quick-link">
            <strong>{t('medicalPages.counter.title')}</strong>
            <span>{t('medicalPages.home.settleText')}</span>
          </Link>
        </li>
        <li>
          <Link to="/staff/medical/claims" className="medical-quick-link">
            <strong>{t('medicalPages.claims.title')}</strong>
            <span>{t('medicalPages.home.claimsText')}</span>
          </Link>
        </li>
        <li>
          <Link to="/staff/medical/statements" className="medical-quick-link">
            <strong>{t('medicalFundPages.institutionStatements.title')}</strong>
            <span>{t('medicalFundPages.institutionStatements.intro')}</span>
          </Link>
        </li>
      </ul>
      <TitledSection id="institution-facts" title={t('medicalPages.institution.factsTitle')}>
        <InstitutionFacts institution={institution.data} />
      </TitledSection>
      <TitledSection id="institution-agreements" title={t('medicalPages.agreements.title')}>
        <InstitutionAgreements institution={institution.data} manage={false} />
      </TitledSection>
    </div>
  );
}
