import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatYuan } from '../shell/format.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { pagerTexts } from './pager-texts.ts';
import { CursorPager, useCursorPages } from '../components/cursor-pager.tsx';
import { fetchPayments, type Payment } from './employer-api.ts';
import { QueryState } from './query-state.tsx';

/** /employer/payments: every payment, newest first within a page, each with its receipt. */
export function PaymentsPage({ employerId }: { employerId: number }) {
  const { t } = useTranslation();
  usePageTitle(t('employerPages.payments.title'));
  const pages = useCursorPages();
  const payments = useQuery({
    queryKey: ['employer', employerId, 'payments', pages.cursor],
    queryFn: () => fetchPayments(employerId, pages.cursor),
  });
  const money = (amount: (payment: Payment) => number) => ({
    align: 'right' as const,
    render: (_: unknown, payment: Payment) => formatYuan(amount(payment)),
  });
  return (
    <div className="page">
      <Typography.Title level={1}>{t('employerPages.payments.title')}</Typography.Title>
      <Typography.Paragraph>{t('employerPages.payments.intro')}</Typography.Paragraph>
      <QueryState query={payments}>
        {(page) => (
          <>
            <Table<Payment>
              aria-label={t('employerPages.payments.listLabel')}
              rowKey="paymentNo"
              dataSource={[...page.items].sort((a, b) => b.paidOn.localeCompare(a.paidOn) || b.id - a.id)}
              pagination={false}
              size="middle"
              scroll={{ x: true }}
              locale={{ emptyText: t('employerPages.common.empty') }}
              columns={[
                {
                  title: t('employerPages.payments.paymentNo'),
                  dataIndex: 'paymentNo',
                  className: 'employer-mono',
                },
                { title: t('employerPages.payments.paidOn'), dataIndex: 'paidOn' },
                { title: t('employerPages.payments.amount'), ...money((payment) => payment.amountFen) },
                { title: t('employerPages.payments.unapplied'), ...money((payment) => payment.unappliedFen) },
                {
                  title: t('employerPages.payments.bankReference'),
                  render: (_, payment) => payment.bankReference ?? '—',
                },
                {
                  title: t('employerPages.payments.receipt'),
                  render: (_, payment) => (
                    <Link
                      to={`/employer/payments/${encodeURIComponent(payment.paymentNo)}`}
                      aria-label={t('employerPages.payments.openReceipt', { paymentNo: payment.paymentNo })}
                    >
                      {t('employerPages.payments.receipt')}
                    </Link>
                  ),
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
