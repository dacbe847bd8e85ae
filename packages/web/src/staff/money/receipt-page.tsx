import { useQuery } from '@tanstack/react-query';
import { Descriptions, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { PrintButton } from '../../components/print-button.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { ReceiptAllocationsTable } from '../../components/receipt-allocations-table.tsx';
import { ReceiptLateFeesTable } from '../../components/receipt-late-fees-table.tsx';
import { formatYuan } from '../../shell/format.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { fetchReceipt, type Receipt, type RegionPayment } from './money-api.ts';
import { PayerCell } from './payer-cell.tsx';
import { failedAs } from './problem-text.ts';

const R = 'staffMoneyPages.receipt';
const BILL_KINDS = ['regular', 'settlement', 'adjustment', 'late_fee'] as const;

/** What a list opening a receipt hands over: who paid, as the list showed it (the receipt has only the key). */
export interface ReceiptState {
  payer: RegionPayment['payer'];
}

/** /staff/payments/:paymentNo: a payment's receipt, the bills it paid and the late fees it was charged. */
export function ReceiptPage() {
  const { t } = useTranslation();
  const { paymentNo = '' } = useParams();
  const payer = (useLocation().state as ReceiptState | null)?.payer;
  usePageTitle(t(`${R}.title`, { paymentNo }));
  const receipt = useQuery({
    queryKey: ['staff-money', 'receipt', paymentNo],
    queryFn: () => fetchReceipt(paymentNo),
    retry: false,
  });
  const kindName = (kind: string) =>
    (BILL_KINDS as readonly string[]).includes(kind) ? t(`${R}.billKinds.${kind as 'regular'}`) : kind;
  return (
    <div className="page money-page">
      <Link to="/staff/payments">← {t(`${R}.back`)}</Link>
      <Typography.Title level={1}>{t(`${R}.title`, { paymentNo })}</Typography.Title>
      {receipt.isPending && (
        <div role="status">
          <Spin size="small" /> {t('staffMoneyPages.common.loading')}
        </div>
      )}
      {receipt.isError && <ProblemAlert error={receipt.error} describe={failedAs(t(`${R}.failed`))} />}
      {receipt.data && <ReceiptBody receipt={receipt.data} payer={payer} kindName={kindName} />}
    </div>
  );
}

function ReceiptBody({
  receipt,
  payer,
  kindName,
}: {
  receipt: Receipt;
  payer: ReceiptState['payer'] | undefined;
  kindName: (kind: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Space className="money-toolbar">
        <PrintButton>{t(`${R}.print`)}</PrintButton>
      </Space>
      <Descriptions column={1} bordered size="small" className="money-receipt-facts">
        {payer?.payerKey === receipt.payerKey ? (
          <Descriptions.Item label={t('staffMoneyPages.common.payer')}>
            <PayerCell payer={payer} />
          </Descriptions.Item>
        ) : (
          <Descriptions.Item label={t(`${R}.payerKey`)}>{receipt.payerKey}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('staffMoneyPages.common.amount')}>
          {formatYuan(receipt.amountFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('staffMoneyPages.common.paidOn')}>{receipt.paidOn}</Descriptions.Item>
        <Descriptions.Item label={t('staffMoneyPages.common.bankReference')}>
          {receipt.bankReference ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t(`${R}.credit`)}>{formatYuan(receipt.creditFen)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={2}>{t(`${R}.allocationsTitle`)}</Typography.Title>
      <ReceiptAllocationsTable
        allocations={receipt.allocations}
        texts={{
          billNo: t(`${R}.billNo`),
          period: t(`${R}.period`),
          kind: t(`${R}.kind`),
          amount: t('staffMoneyPages.common.amount'),
          empty: t('staffMoneyPages.common.empty'),
        }}
        kindName={kindName}
      />
      <Typography.Title level={2}>{t(`${R}.lateFeesTitle`)}</Typography.Title>
      {receipt.lateFees.length === 0 ? (
        <Typography.Paragraph>{t(`${R}.noLateFees`)}</Typography.Paragraph>
      ) : (
        <ReceiptLateFeesTable
          lateFees={receipt.lateFees}
          texts={{
            sourceBill: t(`${R}.sourceBillNo`),
            principal: t(`${R}.principal`),
            days: t(`${R}.days`),
            fee: t(`${R}.fee`),
            billNo: t(`${R}.billNo`),
          }}
        />
      )}
    </>
  );
}
