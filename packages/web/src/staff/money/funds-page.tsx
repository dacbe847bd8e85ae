import { addMonths, dateToPeriod, FUNDS } from '@shebao/domain';
import { useQuery } from '@tanstack/react-query';
import { Spin, Table, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod, formatYuan } from '../../shell/format.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { EChartsChart, type ChartOption } from './echarts-chart.tsx';
import {
  accountsInUse,
  incomeTable,
  ledgerBalances,
  type IncomeTable,
  type LedgerBalances,
} from './fund-figures.ts';
import { fetchBalances, fetchFundIncome } from './money-api.ts';
import { RetryAlert } from './retry-alert.tsx';
import { chinaToday } from '../../shell/agency-clock.ts';

const F = 'staffMoneyPages.funds';
const MONTHS = 24;

/** Axis labels: yuan in the reader's compact notation (万 / K); the exact figures are in the tables. */
function compactYuan(fen: number, language: string): string {
  return new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(fen / 100);
}

/** /staff/funds: each fund's balance and its income month by month, as charts and as tables. */
export function FundsPage() {
  const { t } = useTranslation();
  usePageTitle(t(`${F}.title`));
  const to = dateToPeriod(chinaToday());
  const from = addMonths(to, 1 - MONTHS);
  const balances = useQuery({ queryKey: ['staff-money', 'balances'], queryFn: fetchBalances });
  const income = useQuery({
    queryKey: ['staff-money', 'income', from, to],
    queryFn: () => fetchFundIncome(from, to),
  });
  return (
    <div className="page money-page">
      <Typography.Title level={1}>{t(`${F}.title`)}</Typography.Title>
      <Typography.Paragraph>{t(`${F}.intro`)}</Typography.Paragraph>
      <section aria-labelledby="fund-balances-title">
        <Typography.Title level={2} id="fund-balances-title">
          {t(`${F}.balancesTitle`)}
        </Typography.Title>
        <Loaded query={balances}>{(data) => <Balances balances={ledgerBalances(data.items)} />}</Loaded>
      </section>
      <section aria-labelledby="fund-income-title">
        <Typography.Title level={2} id="fund-income-title">
          {t(`${F}.incomeTitle`)}
        </Typography.Title>
        <Typography.Paragraph>{t(`${F}.incomeIntro`)}</Typography.Paragraph>
        <Loaded query={income}>{(data) => <Income table={incomeTable(data.months)} />}</Loaded>
      </section>
    </div>
  );
}

function Loaded<T>({
  query,
  children,
}: {
  query: {
    data: T | undefined;
    isPending: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
  };
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isError) return <RetryAlert error={query.error} onRetry={query.refetch} />;
  if (query.isPending || query.data === undefined)
    return (
      <div role="status">
        <Spin size="small" /> {t('staffMoneyPages.common.loading')}
      </div>
    );
  return <>{children(query.data)}</>;
}

function Balances({ balances }: { balances: LedgerBalances[] }) {
  const { t, i18n } = useTranslation();
  const funds = balances.filter((ledger) => ledger.ledger !== 'collection');
  const accounts = accountsInUse(balances);
  const title = t(`${F}.balancesChart`);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (value) => formatYuan(Number(value)) },
      legend: { top: 0, type: 'scroll' },
      grid: { top: 48, left: 8, right: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: funds.map((ledger) => t(`${F}.funds.${ledger.ledger}`)) },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (value: number) => compactYuan(value, i18n.language) },
      },
      series: (['bank', 'receivable'] as const).map((account) => ({
        type: 'bar',
        name: t(`${F}.accounts.${account}`),
        data: funds.map((ledger) => ledger.accounts[account] ?? 0),
      })),
    }),
    [funds, t, i18n.language],
  );
  return (
    <>
      <EChartsChart option={option} label={t(`${F}.chartSummary`, { title, count: funds.length * 2 })} />
      <Table
        className="money-figures"
        rowKey="ledger"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        title={() => t(`${F}.tableCaption`, { title: t(`${F}.balancesTitle`) })}
        dataSource={balances}
        locale={{ emptyText: t(`${F}.noData`) }}
        columns={[
          {
            title: t(`${F}.fund`),
            dataIndex: 'ledger',
            render: (ledger: LedgerBalances['ledger']) => t(`${F}.funds.${ledger}`),
          },
          ...accounts.map((account) => ({
            title: t(`${F}.accounts.${account}`),
            key: account,
            align: 'right' as const,
            render: (_: unknown, ledger: LedgerBalances) => {
              const fen = ledger.accounts[account];
              return fen === undefined ? '—' : formatYuan(fen);
            },
          })),
        ]}
      />
    </>
  );
}

function Income({ table }: { table: IncomeTable }) {
  const { t, i18n } = useTranslation();
  const title = t(`${F}.incomeChart`);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (value) => formatYuan(Number(value)) },
      legend: { top: 0, type: 'scroll' },
      grid: { top: 48, left: 8, right: 8, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: table.periods.map((period) => formatPeriod(period, i18n.language)),
      },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (value: number) => compactYuan(value, i18n.language) },
      },
      series: FUNDS.map((fund) => ({
        type: 'line',
        name: t(`${F}.funds.${fund}`),
        data: table.received[fund],
        showSymbol: false,
      })),
    }),
    [table, t, i18n.language],
  );
  const rows = table.periods.map((period, position) => ({
    period,
    received: FUNDS.map((fund) => table.received[fund][position]!),
    billedFen: FUNDS.reduce((sum, fund) => sum + table.billed[fund][position]!, 0),
  }));
  return (
    <>
      <EChartsChart
        option={option}
        label={t(`${F}.chartSummary`, { title, count: table.periods.length * FUNDS.length })}
      />
      <Table
        className="money-figures"
        rowKey="period"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        title={() => t(`${F}.tableCaption`, { title })}
        dataSource={rows}
        columns={[
          {
            title: t(`${F}.month`),
            dataIndex: 'period',
            render: (period: string) => formatPeriod(period, i18n.language),
          },
          ...FUNDS.map((fund, index) => ({
            title: `${t(`${F}.funds.${fund}`)} · ${t(`${F}.received`)}`,
            key: fund,
            align: 'right' as const,
            render: (_: unknown, row: (typeof rows)[number]) => formatYuan(row.received[index]!),
          })),
          {
            title: `${t(`${F}.total`)} · ${t(`${F}.received`)}`,
            key: 'total',
            align: 'right' as const,
            render: (_: unknown, row: (typeof rows)[number]) =>
              formatYuan(row.received.reduce((sum, fen) => sum + fen, 0)),
          },
          {
            title: `${t(`${F}.total`)} · ${t(`${F}.billed`)}`,
            dataIndex: 'billedFen',
            align: 'right' as const,
            render: (fen: number) => formatYuan(fen),
          },
        ]}
      />
    </>
  );
}
