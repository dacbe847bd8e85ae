import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../api/pending-paths.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { ImportResult } from './import-result.tsx';
import type { ImportSummary } from './money-api.ts';
import { RegionSelect, useStaffRegion } from './region-select.tsx';
import { StatementImport } from './statement-import.tsx';
import { UnmatchedRows } from './unmatched-rows.tsx';

const B = 'staffMoneyPages.bank';

/** /staff/bank: import the bank's statement, see what it booked and what it could not, review the rest. */
export function BankPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t(`${B}.title`));
  const region = useStaffRegion(user);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  return (
    <div className="page money-page">
      <Typography.Title level={1}>{t(`${B}.title`)}</Typography.Title>
      <Typography.Paragraph>{t(`${B}.intro`)}</Typography.Paragraph>
      <RegionSelect region={region} />
      <section aria-labelledby="statement-import-title">
        <Card>
          <Typography.Title level={2} id="statement-import-title">
            {t(`${B}.importTitle`)}
          </Typography.Title>
          <StatementImport regionCode={region.regionCode} onImported={setSummary} />
        </Card>
      </section>
      {summary && <ImportResult summary={summary} />}
      <section aria-labelledby="unmatched-title">
        <Typography.Title level={2} id="unmatched-title">
          {t(`${B}.pendingTitle`)}
        </Typography.Title>
        <Typography.Paragraph>{t(`${B}.pendingIntro`)}</Typography.Paragraph>
        <UnmatchedRows />
      </section>
    </div>
  );
}
