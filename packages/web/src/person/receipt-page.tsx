import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { PrintButton } from '../components/print-button.tsx';
import { ReceiptAllocationsTable } from '../components/receipt-allocations-table.tsx';
import { ReceiptLateFeesTable } from '../components/receipt-late-fees-table.tsx';
import { formatYuan } from '../shell/format.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { fetchReceipt, type Receipt } from './person-api.ts';
import { personKeys } from './person-queries.ts';
import { Loading, QueryFailure } from './query-failure.tsx';

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
        <PrintButton>{t('personPages.receipt.print')}</PrintButton>
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
  const { t } = useTranslation();
  const kind = (value: string) =>
    BILL_KINDS.has(value) ? t(`personPages.flexible.billKinds.${value as 'regular'}`) : value;
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
        <ReceiptAllocationsTable
          allocations={receipt.allocations}
          texts={{
            billNo: t('personPages.receipt.billNo'),
            period: t('personPages.receipt.period'),
            kind: t('personPages.receipt.kind'),
            amount: t('personPages.receipt.applied'),
            empty: t('personPages.receipt.noAllocations'),
          }}
          kindName={kind}
          scrollX={520}
        />
      </section>
      {receipt.lateFees.length > 0 && (
        <section className="person-section" aria-labelledby="late-fees-title">
          <Typography.Title level={2} id="late-fees-title" className="section-title">
            {t('personPages.receipt.lateFeesTitle')}
          </Typography.Title>
          <ReceiptLateFeesTable
            lateFees={receipt.lateFees}
            texts={{
              sourceBill: t('personPages.receipt.sourceBill'),
              principal: t('personPages.receipt.principal'),
              days: t('personPages.receipt.days'),
              fee: t('personPages.receipt.fee'),
            }}
            scrollX={520}
          />
        </section>
      )}
    </>
  );
}
