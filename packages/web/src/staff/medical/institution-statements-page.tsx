import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../shell/page-title.ts';
import { InstitutionStatements } from './institution-statements.tsx';

/** /staff/medical/statements: an institution's own monthly statements, for its account. */
export function InstitutionStatementsPage({ institutionId }: { institutionId: number }) {
  const { t } = useTranslation();
  usePageTitle(t('medicalFundPages.institutionStatements.title'));
  return (
    <div className="page page-wide medical-page">
      <Typography.Title level={1}>{t('medicalFundPages.institutionStatements.title')}</Typography.Title>
      <Typography.Paragraph>{t('medicalFundPages.institutionStatements.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('medicalFundPages.statements.how')}</Typography.Paragraph>
      <InstitutionStatements institutionId={institutionId} />
    </div>
  );
}
