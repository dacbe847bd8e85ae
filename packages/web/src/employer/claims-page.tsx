import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../shell/page-title.ts';
import { EmployeeFilingForm } from './employee-filing-form.tsx';
import { FiledApplications } from './filed-applications.tsx';
import { EmployerAdvances } from '../benefits/employer-advances.tsx';

const E = 'benefitPages.claims.employer';

/**
 * /employer/claims: filing a work injury (with the employer's 30 days, WIIR Art. 17) or a maternity claim
 * for an employee, the applications the employer filed with their states and clocks, and what the work-injury
 * fund advanced for it where it had not insured an injured employee (docs/RULES.md 15.22).
 */
export function ClaimsPage({ employerId }: { employerId: number }) {
  const { t } = useTranslation();
  usePageTitle(t(`${E}.title`));
  return (
    <div className="page page-wide benefit-page">
      <Typography.Title level={1}>{t(`${E}.title`)}</Typography.Title>
      <Typography.Paragraph>{t(`${E}.intro`)}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <EmployeeFilingForm employerId={employerId} kind="work-injury" />
        </Col>
        <Col xs={24} lg={12}>
          <EmployeeFilingForm employerId={employerId} kind="maternity" />
        </Col>
      </Row>
      <section aria-labelledby="filed-title" className="benefit-section">
        <Typography.Title level={2} id="filed-title" className="section-title">
          {t(`${E}.listTitle`)}
        </Typography.Title>
        <FiledApplications employerId={employerId} />
      </section>
      <section aria-labelledby="advances-title" className="benefit-section">
        <Typography.Title level={2} id="advances-title" className="section-title">
          {t('benefitPages.claims.advances.title')}
        </Typography.Title>
        <EmployerAdvances employerId={employerId} canRecord={false} />
      </section>
    </div>
  );
}
