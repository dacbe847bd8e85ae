import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { fetchReceipt, type Receipt } from './person-api.ts';
import { personKeys } from './person-queries.ts';
import { Loading, QueryFailure } from './query-failure.tsx';

type Allocation = Receipt['allocations'][number];
type LateFee = Receipt['lateFees'][number];
const BILL_KINDS = new Set(['regular', 'adjustment', 'settlement', 'late_fee']);

/** /person/receipts/:paymentNo: the receipt of one of the person's payments, ready to print. */
export function ReceiptPage() {
  const { t } = useTranslation();
  usePageTitle(t('personPages.receipt.title'));
  const { paymentNo = '' } = useParams();
  const receipt = useQuery({
    queryKey: personKeys.receipt(paymentNo),
    queryFn: () => fetchReceipt(paymentNo),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  return (
    <div className="page person-page person-receipt">
      <Typography.Title level={1}>{t('personPages.receipt.title')}</Typography.Title>
      <Space className="person-no-print" wrap>
        <Link to="/person/flexible">{t('personPages.receipt.back')}</Link>
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t('personPages.receipt.print')}
        </Button>
      </Space>
      {receipt.isPending ? (
        <Loading />
      ) : receipt.isError ? (
        receipt.error instanceof ApiError && [403, 404].includes(receipt.error.status) ? (
          <Alert type="warning" showIcon role="alert" title={t('personPages.receipt.notFound')} />
        ) : (
          <QueryFailure error={receipt.error} onRetry={() => void receipt.refetch()} />
        )
      ) : (
        <ReceiptBody receipt={receipt.data} />
      )}
    </div>
  );
}

function ReceiptBody({ receipt }: { receipt: Receipt }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const kind = (value: string) =>
    BILL_KINDS.has(value) ? t(`personPages.flexible.billKinds.${value as 'regular'}`) : value;
  const allocations: TableColumnsType<Allocation> = [
    { title: t('personPages.receipt.billNo'), dataIndex: 'billNo' },
    {
      title: t('personPages.receipt.period'),
      dataIndex: 'period',
      render: (period: string) => formatPeriod(period, language),
    },
    { title: t('personPages.receipt.kind'), dataIndex: 'kind', render: kind },
    {
      title: t('personPages.receipt.applied'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (fen: number) => formatYuan(fen),
    },
  ];
  const lateFees: TableColumnsType<LateFee> = [
    { title: t('personPages.receipt.sourceBill'), dataIndex: 'sourceBillNo' },
    {
      title: t('personPages.receipt.principal'),
      dataIndex: 'principalFen',
      align: 'right',
      render: (fen: number) => formatYuan(fen),
    },
    { title: t('personPages.receipt.days'), dataIndex: 'days', align: 'right' },
    {
      title: t('personPages.receipt.fee'),
      dataIndex: 'feeFen',
      align: 'right',
      render: (fen: number) => formatYuan(fen),
    },
  ];
  return (
    <>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" className="person-section">
        <Descriptions.Item label={t('personPages.receipt.paymentNo')}>
          <span data-testid="payment-no">{receipt.paymentNo}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('personPages.receipt.paidOn')}>{receipt.paidOn}</Descriptions.Item>
        <Descriptions.Item label={t('personPages.receipt.amount')}>
          <strong data-testid="receipt-amount">{formatYuan(receipt.amountFen)}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('personPages.receipt.credit')}>
          {formatYuan(receipt.creditFen)}
        </Descriptions.Item>
        {receipt.bankReference && (
          <Descriptions.Item label={t('personPages.receipt.bankReference')}>
            {receipt.bankReference}
          </Descriptions.Item>
        )}
      </Descriptions>
      <section className="person-section" aria-labelledby="allocations-title">
        <Typography.Title level={2} id="allocations-title" className="section-title">
          {t('personPages.receipt.allocationsTitle')}
        </Typography.Title>
        <Table<Allocation>
          size="small"
          rowKey={(row) => `${row.billNo}|${row.period}`}
          columns={allocations}
          dataSource={receipt.allocations}
          pagination={false}
          scroll={{ x: 520 }}
          locale={{ emptyText: t('personPages.receipt.noAllocations') }}
        />
      </section>
      {receipt.lateFees.length > 0 && (
        <section className="person-section" aria-labelledby="late-fees-title">
          <Typography.Title level={2} id="late-fees-title" className="section-title">
            {t('personPages.receipt.lateFeesTitle')}
          </Typography.Title>
          <Table<LateFee>
            size="small"
            rowKey={(row) => `${row.billNo}|${row.sourceBillNo}`}
            columns={lateFees}
            dataSource={receipt.lateFees}
            pagination={false}
            scroll={{ x: 520 }}
          />
        </section>
      )}
    </>
  );
}
