import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { billKindKey, billStatus } from './bill-status.ts';
import { pagerTexts } from './pager-texts.ts';
import { CursorPager, useCursorPages } from '../components/cursor-pager.tsx';
import { fetchBills, type Bill } from './employer-api.ts';
import { QueryState } from './query-state.tsx';

// ECharts is heavy: the chart comes in its own chunk, after the list it summarises.
const BillsChart = lazy(() => import('./bills-chart.tsx'));

const STATUS_COLOURS = { paid: 'green', partly: 'gold', owed: 'red' } as const;

/** /employer/bills: the employer's bills, newest months first within each page, each opening its detail. */
export function BillsPage({ employerId }: { employerId: number }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('employerPages.bills.title'));
  const pages = useCursorPages();
  const bills = useQuery({
    queryKey: ['employer', employerId, 'bills', pages.cursor],
    queryFn: () => fetchBills(employerId, pages.cursor),
  });
  const money = (render: (bill: Bill) => number) => ({
    align: 'right' as const,
    render: (_: unknown, bill: Bill) => formatYuan(render(bill)),
  });
  return (
    <div className="page">
      <Typography.Title level={1}>{t('employerPages.bills.title')}</Typography.Title>
      <Typography.Paragraph>{t('employerPages.bills.intro')}</Typography.Paragraph>
      <QueryState query={bills}>
        {(page) => (
          <>
            {page.items.length > 0 && (
              <section aria-labelledby="bills-chart-title" className="bills-chart">
                <Typography.Title level={2} id="bills-chart-title">
                  {t('employerPages.bills.chartTitle')}
                </Typography.Title>
                <Suspense fallback={null}>
                  <BillsChart bills={page.items} />
                </Suspense>
              </section>
            )}
            <Typography.Title level={2}>{t('employerPages.bills.listLabel')}</Typography.Title>
            <Table<Bill>
              aria-label={t('employerPages.bills.listLabel')}
              rowKey="billNo"
              dataSource={[...page.items].sort((a, b) => b.period.localeCompare(a.period) || b.id - a.id)}
              pagination={false}
              size="middle"
              scroll={{ x: true }}
              locale={{ emptyText: t('employerPages.common.empty') }}
              columns={[
                {
                  title: t('employerPages.bills.billNo'),
                  render: (_, bill) => (
                    <Link
                      to={`/employer/bills/${encodeURIComponent(bill.billNo)}`}
                      aria-label={t('employerPages.bills.openBill', { billNo: bill.billNo })}
                    >
                      {bill.billNo}
                    </Link>
                  ),
                },
                {
                  title: t('employerPages.bills.period'),
                  render: (_, bill) => formatPeriod(bill.period, i18n.language),
                },
                {
                  title: t('employerPages.bills.kind'),
                  render: (_, bill) => {
                    const key = billKindKey(bill.kind);
                    return `${key ? t(key) : bill.kind}${bill.estimated ? ` ${t('employerPages.bills.estimated')}` : ''}`;
                  },
                },
                { title: t('employerPages.bills.dueDate'), dataIndex: 'dueDate' },
                { title: t('employerPages.bills.employerPart'), ...money((bill) => bill.employerFen) },
                { title: t('employerPages.bills.employeePart'), ...money((bill) => bill.employeeFen) },
                { title: t('employerPages.bills.total'), ...money((bill) => bill.totalFen) },
                { title: t('employerPages.bills.paid'), ...money((bill) => bill.paidFen) },
                {
                  title: t('employerPages.bills.status'),
                  render: (_, bill) => {
                    const status = billStatus(bill);
                    return (
                      <Tag color={STATUS_COLOURS[status]}>{t(`employerPages.bills.statuses.${status}`)}</Tag>
                    );
                  },
                },
              ]}
            />
            <CursorPager pages={pages} nextCursor={page.nextCursor} texts={pagerTexts(t, pages.page)} />
          </>
        )}
      </QueryState>
    </div>
  );
}
