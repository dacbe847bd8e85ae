import { DownloadOutlined } from '@ant-design/icons';
import { INSURANCES, type Insurance } from '@shebao/domain';
import { Button, Card, Form, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { UserView } from '../api/pending-paths.ts';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { StackedBarChart, type BarSeries } from '../components/stacked-bar-chart.tsx';
import { rightsRecordCsvUrl, type RightsMonth, type RightsRecord } from './person-api.ts';
import { useRightsRecord } from './person-queries.ts';
import { Loading, QueryFailure } from './query-failure.tsx';
import { chinaYear } from '../shell/agency-clock.ts';

/** Fen as yuan on the chart's axis and tooltip (axis steps can fall between two fen). */
const chartYuan = (valueFen: number) => formatYuan(Math.round(valueFen));
const STATUS_COLOURS = { paid: 'green', partly_paid: 'orange', owed: 'red' } as const;

/**
 * /person/record?year=2025&insurance=pension: the contribution record month by month, filtered by year
 * (or the whole record) and insurance, as a chart over time and a table, with the CSV download.
 */
export default function ContributionRecordPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('personPages.record.title'));
  const personId = user.personId!;
  const [search, setSearch] = useSearchParams();
  const yearText = search.get('year');
  const year = yearText === 'all' ? undefined : Number(yearText) || chinaYear();
  const insuranceText = search.get('insurance');
  const insurance = INSURANCES.includes(insuranceText as Insurance)
    ? (insuranceText as Insurance)
    : undefined;
  const record = useRightsRecord(personId, year);
  const choose = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value === undefined) next.delete(name);
    else next.set(name, value);
    setSearch(next, { replace: true });
  };
  // Without a year asked for, show the latest year with contributions (someone who stopped paying
  // years ago would otherwise land on an empty year).
  const lastYear = record.data?.lastPeriod ? Number(record.data.lastPeriod.slice(0, 4)) : undefined;
  useEffect(() => {
    if (yearText === null && lastYear !== undefined && lastYear !== year) {
      const next = new URLSearchParams(search);
      next.set('year', String(lastYear));
      setSearch(next, { replace: true });
    }
  }, [yearText, lastYear, year, search, setSearch]);
  const firstYear = record.data?.firstPeriod ? Number(record.data.firstPeriod.slice(0, 4)) : chinaYear();
  const years = [];
  for (
    let option = Math.max(chinaYear(), year ?? 0);
    option >= Math.min(firstYear, year ?? firstYear);
    option -= 1
  )
    years.push(option);

  return (
    <div className="page person-page">
      <Typography.Title level={1}>{t('personPages.record.title')}</Typography.Title>
      <Typography.Paragraph>{t('personPages.record.intro')}</Typography.Paragraph>
      <Form layout="inline" className="person-filters" name="record-filters">
        <Form.Item label={t('personPages.record.year')} htmlFor="record-year">
          <Select
            id="record-year"
            className="person-select"
            value={year === undefined ? 'all' : String(year)}
            onChange={(value) => choose('year', value)}
            options={[
              ...years.map((option) => ({ value: String(option), label: String(option) })),
              { value: 'all', label: t('personPages.record.allYears') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('personPages.record.insurance')} htmlFor="record-insurance">
          <Select
            id="record-insurance"
            className="person-select"
            value={insurance ?? 'all'}
            onChange={(value) => choose('insurance', value === 'all' ? undefined : value)}
            options={[
              { value: 'all', label: t('personPages.record.allInsurances') },
              ...INSURANCES.map((option) => ({
                value: option,
                label: t(`personPages.insurances.${option}`),
              })),
            ]}
          />
        </Form.Item>
        <Form.Item extra={t('personPages.record.downloadHint')}>
          <Button icon={<DownloadOutlined aria-hidden />} href={rightsRecordCsvUrl(personId, year)} download>
            {t('personPages.record.download')}
          </Button>
        </Form.Item>
      </Form>
      {record.isPending ? (
        <Loading />
      ) : record.isError ? (
        <QueryFailure error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <RecordBody record={record.data} insurance={insurance} />
      )}
    </div>
  );
}

/** What a month-row shows for one insurance, or for all of them together. */
function amountsOf(month: RightsMonth, insurance: Insurance | undefined) {
  if (!insurance)
    return {
      baseFen: month.insurances.pension?.baseFen,
      employerFen: month.employerFen,
      employeeFen: month.employeeFen,
      totalFen: month.totalFen,
    };
  const line = month.insurances[insurance];
  return {
    baseFen: line?.baseFen,
    employerFen: line?.employerFen ?? 0,
    employeeFen: line?.employeeFen ?? 0,
    totalFen: (line?.employerFen ?? 0) + (line?.employeeFen ?? 0),
  };
}

function RecordBody({ record, insurance }: { record: RightsRecord; insurance: Insurance | undefined }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const months = useMemo(
    () => record.months.filter((month) => !insurance || month.insurances[insurance] !== undefined),
    [record, insurance],
  );
  const chart = useMemo(() => {
    const periods = [...new Set(months.map((month) => month.period))].sort();
    const shown = insurance ? [insurance] : INSURANCES;
    const series: BarSeries[] = shown
      .map((name) => ({
        name: t(`personPages.insurances.${name}`),
        stack: 'total',
        values: periods.map((period) =>
          months
            .filter((month) => month.period === period)
            .reduce((sum, month) => {
              const line = month.insurances[name];
              return sum + (line ? line.employerFen + line.employeeFen : 0);
            }, 0),
        ),
      }))
      .filter((item) => item.values.some((value) => value !== 0));
    return { categories: periods.map((period) => formatPeriod(period, language)), periods, series };
  }, [months, insurance, language, t]);

  const totals = months.reduce(
    (sum, month) => {
      const amounts = amountsOf(month, insurance);
      return {
        employerFen: sum.employerFen + amounts.employerFen,
        employeeFen: sum.employeeFen + amounts.employeeFen,
        totalFen: sum.totalFen + amounts.totalFen,
      };
    },
    { employerFen: 0, employeeFen: 0, totalFen: 0 },
  );

  const columns: TableColumnsType<RightsMonth> = [
    {
      title: t('personPages.record.period'),
      dataIndex: 'period',
      render: (period: string) => formatPeriod(period, language),
    },
    {
      title: t('personPages.record.payer'),
      dataIndex: 'employerName',
      render: (name: string | null) => name ?? t('personPages.common.self'),
    },
    {
      title: insurance ? t('personPages.record.base') : t('personPages.record.basePension'),
      key: 'base',
      align: 'right',
      render: (_, month) => {
        const baseFen = amountsOf(month, insurance).baseFen;
        return baseFen === undefined ? '—' : formatYuan(baseFen);
      },
    },
    {
      title: t('personPages.record.employerFen'),
      key: 'employer',
      align: 'right',
      render: (_, month) => formatYuan(amountsOf(month, insurance).employerFen),
    },
    {
      title: t('personPages.record.employeeFen'),
      key: 'employee',
      align: 'right',
      render: (_, month) => formatYuan(amountsOf(month, insurance).employeeFen),
    },
    {
      title: t('personPages.record.totalFen'),
      key: 'total',
      align: 'right',
      render: (_, month) => formatYuan(amountsOf(month, insurance).totalFen),
    },
    {
      title: t('personPages.record.statusColumn'),
      key: 'status',
      render: (_, month) => (
        <Space size={4} wrap>
          {month.status !== 'paid' && month.dueDate !== null && month.dueDate >= record.asOf ? (
            // Billed but not yet due: owed, not in arrears (docs/RULES.md 6.3).
            <Tag color="blue">{t('personPages.record.notYetDue', { date: month.dueDate })}</Tag>
          ) : (
            <Tag color={STATUS_COLOURS[month.status]}>{t(`personPages.status.${month.status}`)}</Tag>
          )}
          {month.overlap && <Tag color="purple">{t('personPages.record.overlap')}</Tag>}
          {month.adjustmentFen !== 0 && (
            <Typography.Text type="secondary">
              {t('personPages.record.adjusted', { amount: formatYuan(month.adjustmentFen) })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];

  const range = { from: formatPeriod(record.from, language), to: formatPeriod(record.to, language) };
  return (
    <>
      <Card className="person-section">
        <Typography.Title level={2} className="section-title">
          {t('personPages.record.chartTitle')}
        </Typography.Title>
        {chart.series.length ? (
          <StackedBarChart
            categories={chart.categories}
            series={chart.series}
            format={chartYuan}
            label={t('personPages.record.chartLabel', range)}
            still
            legendSpace={48}
            focusSeries
          />
        ) : (
          <Typography.Paragraph>{t('personPages.record.empty')}</Typography.Paragraph>
        )}
      </Card>
      <section className="person-section" aria-labelledby="record-table-title">
        <Typography.Title level={2} id="record-table-title" className="section-title">
          {t('personPages.record.tableTitle')}
        </Typography.Title>
        <Typography.Paragraph>
          {t('personPages.record.totals', {
            employer: formatYuan(totals.employerFen),
            employee: formatYuan(totals.employeeFen),
            total: formatYuan(totals.totalFen),
          })}
        </Typography.Paragraph>
        <Table<RightsMonth>
          className="person-record-table"
          size="small"
          rowKey={(month) => `${month.period}|${month.payerKey}`}
          columns={columns}
          dataSource={months}
          pagination={{ pageSize: 24, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 760 }}
          locale={{ emptyText: t('personPages.record.empty') }}
          expandable={{
            expandedRowRender: (month) => <InsuranceDetails month={month} />,
            expandIcon: ({ expanded, onExpand, record: month }) => (
              <Button
                size="small"
                type="text"
                aria-expanded={expanded}
                aria-label={`${expanded ? t('personPages.record.collapse') : t('personPages.record.expand')}: ${formatPeriod(month.period, language)}`}
                onClick={(event) => onExpand(month, event)}
              >
                {expanded ? '−' : '+'}
              </Button>
            ),
          }}
        />
      </section>
    </>
  );
}

function InsuranceDetails({ month }: { month: RightsMonth }) {
  const { t, i18n } = useTranslation();
  const rows = INSURANCES.flatMap((name) => {
    const line = month.insurances[name];
    return line ? [{ name, ...line }] : [];
  });
  return (
    <table className="person-detail-table">
      <caption>
        {t('personPages.record.details', { period: formatPeriod(month.period, i18n.language) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('personPages.record.insurance')}</th>
          <th scope="col">{t('personPages.record.base')}</th>
          <th scope="col">{t('personPages.record.employerFen')}</th>
          <th scope="col">{t('personPages.record.employeeFen')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row">{t(`personPages.insurances.${row.name}`)}</th>
            <td>{formatYuan(row.baseFen)}</td>
            <td>{formatYuan(row.employerFen)}</td>
            <td>{formatYuan(row.employeeFen)}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('personPages.record.personalAccount')}</th>
          <td colSpan={3}>
            {t('personPages.insurances.pension')} {formatYuan(month.personalAccounts.pensionFen)} ·{' '}
            {t('personPages.insurances.medical')} {formatYuan(month.personalAccounts.medicalFen)}
          </td>
        </tr>
      </tbody>
    </table>
  );
}
