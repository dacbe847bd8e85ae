import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountClaimsTable } from './account-claims-table.tsx';
import { AccountMovementsTable } from './account-movements-table.tsx';
import { LineTotalsTable } from './line-totals-table.tsx';
import type { MedicalAccount } from './medical-api.ts';
import { Money } from './money-cell.tsx';
import { ResidentEnrolmentsTable } from './resident-enrolments-table.tsx';
import './medical.css';

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="medical-section" data-section={id}>
      <Typography.Title level={2} id={id} className="section-title">
        {title}
      </Typography.Title>
      {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
      {children}
    </section>
  );
}

/**
 * A person's medical side (docs/RULES.md 16.4, 16.5): the personal account's balance, the year's totals
 * on each line, the claims with what the fund paid and their explanations, every entry of the account,
 * and the residents' enrolments where there are any. The person's own page and the staff's view of a
 * person show it alike; each page fetches it and says in its own words when that fails.
 */
export function MedicalAccountView({ account }: { account: MedicalAccount }) {
  const { t } = useTranslation();
  const { year } = account;
  return (
    <div className="medical-account">
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12}>
          <Card size="small">
            <Statistic
              title={t('medicalPages.account.balance')}
              value={account.balanceFen}
              formatter={() => <Money fen={account.balanceFen} name="balanceFen" />}
            />
          </Card>
        </Col>
        <Col xs={24} sm={12}>
          <Card size="small">
            <Statistic
              title={t('medicalPages.account.claimsThisYear', { year: year.year })}
              value={year.claims}
            />
          </Card>
        </Col>
      </Row>
      <Section
        id="medical-year"
        title={t('medicalPages.account.yearTitle', { year: year.year })}
        intro={t('medicalPages.account.yearIntro')}
      >
        <LineTotalsTable
          deductibleUsedFen={year.deductibleUsedFen}
          pooledFen={year.pooledFen}
          pooledTotalFen={year.pooledTotalFen}
        />
      </Section>
      <Section
        id="medical-claims"
        title={t('medicalPages.account.claimsTitle')}
        intro={t('medicalPages.account.claimsIntro')}
      >
        <AccountClaimsTable claims={account.claims} />
      </Section>
      <Section
        id="medical-movements"
        title={t('medicalPages.account.movementsTitle')}
        intro={t('medicalPages.account.movementsIntro')}
      >
        <AccountMovementsTable movements={account.movements} />
      </Section>
      {account.enrolments.length > 0 && (
        <Section
          id="medical-enrolments"
          title={t('medicalPages.account.enrolmentsTitle')}
          intro={t('medicalPages.account.enrolmentsIntro')}
        >
          <ResidentEnrolmentsTable enrolments={account.enrolments} />
        </Section>
      )}
    </div>
  );
}
