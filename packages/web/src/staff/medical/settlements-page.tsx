import { addMonths } from '@shebao/domain';
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../api/pending-paths.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { currentPeriod } from '../../shell/agency-clock.ts';
import { MonthField } from '../../shell/date-field.tsx';
import { formatPeriod } from '../../shell/format.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { problemMessage } from '../problem-message.tsx';
import { TitledSection } from '../titled-section.tsx';
import { useInstitutionsById } from './institution-names.ts';
import { actsOnMedical } from './medical-roles.ts';
import { RegionField } from './region-field.tsx';
import { RetireeCreditsForm } from './retiree-credits-form.tsx';
import { SettleMonth } from './settle-month.tsx';
import { fetchStatementsOfPeriod, settlementKeys } from './settlement-api.ts';
import { StatementsTable } from './statements-table.tsx';

const S = 'medicalFundPages.settlements';

/**
 * /staff/medical/settlements: the month's settlement with the designated institutions
 * (docs/RULES.md 16.6). A month's statements of the region, last month's unless another is chosen; the officers settle
 * the chosen month there and credit the retirees' medical accounts below (16.4). Oversight reads.
 */
export function SettlementsPage({ user }: { user: UserView }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t(`${S}.title`));
  const thisMonth = currentPeriod();
  const [regionCode, setRegionCode] = useState(user.regionCodes[0] ?? '');
  const [period, setPeriod] = useState(addMonths(thisMonth, -1));
  const institutions = useInstitutionsById(regionCode);
  const statements = useQuery({
    queryKey: settlementKeys.period(regionCode, period),
    queryFn: () => fetchStatementsOfPeriod(regionCode, period),
    enabled: regionCode !== '',
  });
  const month = formatPeriod(period, i18n.language);
  const officer = actsOnMedical(user);
  return (
    <div className="page page-wide medical-page">
      <Typography.Title level={1}>{t(`${S}.title`)}</Typography.Title>
      <Typography.Paragraph>{t(`${S}.intro`)}</Typography.Paragraph>
      <div className="medical-toolbar">
        <RegionField id="settlements-region" user={user} value={regionCode} onChange={setRegionCode} />
        <div className="medical-toolbar-field">
          <label htmlFor="settlements-month">{t('medicalFundPages.common.month')}</label>
          <MonthField
            id="settlements-month"
            value={period}
            max={thisMonth}
            allowClear={false}
            onChange={(value) => value && setPeriod(value)}
          />
        </div>
      </div>
      <TitledSection id="settlements-statements" title={t(`${S}.statementsTitle`, { month })}>
        <Typography.Paragraph type="secondary">{t('medicalFundPages.statements.how')}</Typography.Paragraph>
        {statements.isError ? (
          <ProblemAlert error={statements.error} describe={problemMessage} />
        ) : (
          <StatementsTable
            statements={statements.data ?? []}
            institutions={institutions}
            loading={statements.isPending}
            emptyText={t(`${S}.empty`)}
          />
        )}
      </TitledSection>
      {officer && (
        <TitledSection id="settle-month-title" title={t(`${S}.settleTitle`)}>
          {/* A new month or region starts without the outcome of the last one. */}
          <SettleMonth key={`${regionCode}|${period}`} regionCode={regionCode} period={period} />
        </TitledSection>
      )}
      {officer && (
        <TitledSection id="retiree-credits-title" title={t('medicalFundPages.retireeCredits.title')}>
          <RetireeCreditsForm key={regionCode} regionCode={regionCode} />
        </TitledSection>
      )}
    </div>
  );
}
