import { useQuery } from '@tanstack/react-query';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { formatYuan } from '../../shell/format.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { dataOf } from '../api-data.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { problemMessage } from '../problem-message.tsx';
import { TitledSection } from '../titled-section.tsx';
import { trialBalances } from './trial-balance.ts';

/**
 * /staff/ledger: proves the fund ledger's invariants on demand (GET /api/ledger/verify): each fund's
 * trial balance, the personal accounts against their control accounts, and every other check with the
 * discrepancies it found.
 */
export function LedgerPage() {
  const { t } = useTranslation();
  usePageTitle(t('staffPages.ledger.title'));
  const report = useQuery({
    queryKey: ['staff', 'ledger-verify'],
    queryFn: () => dataOf(() => api.GET('/api/ledger/verify')),
    enabled: false,
    gcTime: 0,
  });
  const fund = (name: string) => t(`staffPages.funds.${name as 'pension'}`, { defaultValue: name });
  return (
    <div className="page">
      <Typography.Title level={1}>{t('staffPages.ledger.title')}</Typography.Title>
      <Typography.Paragraph>{t('staffPages.ledger.intro')}</Typography.Paragraph>
      <Button type="primary" loading={report.isFetching} onClick={() => void report.refetch()}>
        {report.data ? t('staffPages.ledger.again') : t('staffPages.ledger.verify')}
      </Button>
      <div aria-live="polite" className="ledger-report">
        {report.isError && <ProblemAlert error={report.error} describe={problemMessage} />}
        {report.data && !report.isFetching && (
          <>
            <Alert
              type={report.data.ok ? 'success' : 'error'}
              showIcon
              role="status"
              data-state={report.data.ok ? 'ok' : 'discrepancies'}
              title={
                report.data.ok
                  ? t('staffPages.ledger.ok')
                  : t('staffPages.ledger.notOk', {
                      count: report.data.checks.filter((check) => !check.ok).length,
                    })
              }
            />
            <TitledSection id="trial-balance" title={t('staffPages.ledger.trialBalance')}>
              <Table
                rowKey="fund"
                size="small"
                pagination={false}
                dataSource={trialBalances(report.data.balances)}
                columns={[
                  { title: t('staffPages.ledger.fund'), dataIndex: 'fund', render: fund },
                  yuanColumn(t('staffPages.ledger.debits'), 'debitFen'),
                  yuanColumn(t('staffPages.ledger.credits'), 'creditFen'),
                  {
                    title: t('staffPages.ledger.difference'),
                    dataIndex: 'differenceFen',
                    align: 'right',
                    render: (fen: number) => <Verdict ok={fen === 0} text={formatYuan(fen)} />,
                  },
                ]}
              />
            </TitledSection>
            <TitledSection id="personal-accounts" title={t('staffPages.ledger.personalAccounts')}>
              <Table
                rowKey="fund"
                size="small"
                pagination={false}
                dataSource={report.data.personalAccounts}
                columns={[
                  { title: t('staffPages.ledger.fund'), dataIndex: 'fund', render: fund },
                  yuanColumn(t('staffPages.ledger.control'), 'controlFen'),
                  yuanColumn(t('staffPages.ledger.subLedger'), 'subLedgerFen'),
                  {
                    title: t('staffPages.ledger.difference'),
                    key: 'difference',
                    align: 'right',
                    render: (_value, row) => (
                      <Verdict
                        ok={row.controlFen === row.subLedgerFen}
                        text={formatYuan(row.controlFen - row.subLedgerFen)}
                      />
                    ),
                  },
                ]}
              />
            </TitledSection>
            <TitledSection id="ledger-checks" title={t('staffPages.ledger.checks')}>
              <ul className="ledger-checks">
                {report.data.checks.map((check) => (
                  <li key={check.name} data-ok={check.ok}>
                    <Verdict
                      ok={check.ok}
                      text={t(`staffPages.ledger.checkNames.${check.code as 'trial-balance-zero'}`, {
                        fund: check.fund ? fund(check.fund) : '',
                        defaultValue: check.name,
                      })}
                    />
                    {check.discrepancies.length > 0 && (
                      <ul className="ledger-discrepancies" aria-label={t('staffPages.ledger.discrepancies')}>
                        {check.discrepancies.map((line) => (
                          <li key={line}>{line}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            </TitledSection>
            <TitledSection id="ledger-balances" title={t('staffPages.ledger.balances')}>
              <Table
                rowKey={(row) => `${row.fund}|${row.account}`}
                size="small"
                pagination={false}
                dataSource={report.data.balances}
                columns={[
                  { title: t('staffPages.ledger.fund'), dataIndex: 'fund', render: fund },
                  {
                    title: t('staffPages.ledger.account'),
                    dataIndex: 'account',
                    render: (account: string) =>
                      t(`staffMoneyPages.funds.accounts.${account as 'bank'}`, {
                        defaultValue: account,
                      }),
                  },
                  yuanColumn(t('staffPages.ledger.debits'), 'debitFen'),
                  yuanColumn(t('staffPages.ledger.credits'), 'creditFen'),
                ]}
              />
            </TitledSection>
          </>
        )}
      </div>
    </div>
  );
}

/** A pass or a failure, said in words for screen readers as well as with the icon's colour. */
function Verdict({ ok, text }: { ok: boolean; text: string }) {
  const { t } = useTranslation();
  return (
    <span className={ok ? 'verdict verdict-ok' : 'verdict verdict-failed'}>
      {ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />}
      <span className="visually-hidden">
        {ok ? t('staffPages.ledger.passed') : t('staffPages.ledger.failed')}
      </span>{' '}
      {text}
    </span>
  );
}

/** An amount column: fen shown as yuan, right-aligned so the digits line up. */
function yuanColumn(title: string, dataIndex: string) {
  return { title, dataIndex, align: 'right' as const, render: formatYuan };
}
