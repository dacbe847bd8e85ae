import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { UserView } from '../../api/pending-paths.ts';
import { formatYuan } from '../../shell/format.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { pagerTexts } from './pager-texts.ts';
import { CursorPager, useCursorPages } from '../../components/cursor-pager.tsx';
import { fetchRegionPayments, type RegionPayment } from './money-api.ts';
import { PayerCell } from './payer-cell.tsx';
import { RecordPaymentForm } from './record-payment-form.tsx';
import type { ReceiptState } from './receipt-page.tsx';
import { RegionSelect, useStaffRegion } from './region-select.tsx';
import { RetryAlert } from './retry-alert.tsx';

const P = 'staffMoneyPages.payments';
const PAGE_SIZE = 20;

/** /staff/payments: the region's payments a page at a time, recording one by hand, each one's receipt. */
export function PaymentsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t(`${P}.title`));
  const [search] = useSearchParams();
  const region = useStaffRegion(user);
  const pages = useCursorPages();
  const payments = useQuery({
    queryKey: ['staff-money', 'payments', region.regionCode, pages.cursor],
    queryFn: () => fetchRegionPayments(region.regionCode, pages.cursor, PAGE_SIZE),
    enabled: region.regionCode !== '',
  });
  const columns = [
    {
      title: t(`${P}.paymentNo`),
      dataIndex: 'paymentNo',
      render: (paymentNo: string) => <span translate="no">{paymentNo}</span>,
    },
    {
      title: t('staffMoneyPages.common.payer'),
      key: 'payer',
      render: (_: unknown, row: RegionPayment) => <PayerCell payer={row.payer} />,
    },
    { title: t('staffMoneyPages.common.paidOn'), dataIndex: 'paidOn' },
    {
      title: t('staffMoneyPages.common.amount'),
      dataIndex: 'amountFen',
      align: 'right' as const,
      render: (fen: number) => formatYuan(fen),
    },
    {
      title: t(`${P}.credit`),
      dataIndex: 'unappliedFen',
      align: 'right' as const,
      render: (fen: number) => formatYuan(fen),
    },
    {
      title: t(`${P}.channel`),
      dataIndex: 'channel',
      render: (channel: string) =>
        ['api', 'cli', 'bank', 'demo'].includes(channel) ? t(`${P}.channels.${channel as 'api'}`) : channel,
    },
    {
      title: t('staffMoneyPages.common.bankReference'),
      dataIndex: 'bankReference',
      render: (reference: string | null) => reference ?? '—',
    },
    {
      title: t('staffMoneyPages.common.actions'),
      key: 'receipt',
      render: (_: unknown, row: RegionPayment) => (
        <Link
          to={`/staff/payments/${encodeURIComponent(row.paymentNo)}`}
          state={{ payer: row.payer } satisfies ReceiptState}
          aria-label={`${t('staffMoneyPages.common.openReceipt')} ${row.paymentNo}`}
        >
          {t('staffMoneyPages.common.openReceipt')}
        </Link>
      ),
    },
  ];
  return (
    <div className="page money-page">
      <Typography.Title level={1}>{t(`${P}.title`)}</Typography.Title>
      <Typography.Paragraph>{t(`${P}.intro`)}</Typography.Paragraph>
      <RegionSelect region={region} onChange={pages.reset} />
      <section aria-labelledby="record-payment-title">
        <Card>
          <Typography.Title level={2} id="record-payment-title">
            {t(`${P}.recordTitle`)}
          </Typography.Title>
          <Typography.Paragraph>{t(`${P}.recordIntro`)}</Typography.Paragraph>
          <RecordPaymentForm initialPayerCode={search.get('payer') ?? ''} />
        </Card>
      </section>
      <section aria-labelledby="payments-list-title">
        <Typography.Title level={2} id="payments-list-title">
          {t(`${P}.listTitle`)}
        </Typography.Title>
        {payments.isError ? (
          <RetryAlert error={payments.error} onRetry={payments.refetch} />
        ) : (
          <>
            <Table<RegionPayment>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={payments.data?.items ?? []}
              loading={payments.isPending}
              pagination={false}
              locale={{ emptyText: t('staffMoneyPages.common.empty') }}
              scroll={{ x: true }}
            />
            <CursorPager
              pages={pages}
              nextCursor={payments.data?.nextCursor}
              texts={pagerTexts(t, pages.page)}
            />
          </>
        )}
      </section>
    </div>
  );
}
