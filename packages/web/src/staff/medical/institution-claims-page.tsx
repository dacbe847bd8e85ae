import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../shell/page-title.ts';
import { InstitutionClaims } from './institution-claims.tsx';

/** /staff/medical/claims: an institution's own claims, for its account (newest first, by dates). */
export function InstitutionClaimsPage({ institutionId }: { institutionId: number }) {
  const { t } = useTranslation();
  usePageTitle(t('medicalPages.claims.title'));
  return (
    <div className="page page-wide medical-page">
      <Typography.Title level={1}>{t('medicalPages.claims.title')}</Typography.Title>
      <Typography.Paragraph>{t('medicalPages.claims.intro')}</Typography.Paragraph>
      <InstitutionClaims institutionId={institutionId} />
    </div>
  );
}
