import { useQuery } from '@tanstack/react-query';
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { PrintButton } from '../components/print-button.tsx';
import { ReceiptAllocationsTable } from '../components/receipt-allocations-table.tsx';
import { ReceiptLateFeesTable } from '../components/receipt-late-fees-table.tsx';
import { formatYuan } from '../shell/format.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { billKindKey } from './bill-status.ts';
import { fetchReceipt } from './employer-api.ts';
import { QueryState } from './query-state.tsx';

/** /employer/payments/:paymentNo: the receipt of one payment, printable. */
export function ReceiptPage({ employerId }: { employerId: number }) {
  const { t } = useTranslation();
  const { paymentNo = '' } = useParams();
  usePageTitle(t('employerPages.receipt.title', { paymentNo }));
  const receipt = useQuery({
    queryKey: ['employer', employerId, 'receipt', paymentNo],
    queryFn: () => fetchReceipt(paymentNo),
  });
  const refused = receipt.error instanceof ApiError && [403, 404].includes(receipt.error.status);
  return (
    <div className="page">
      <Link to="/employer/payments" className="no-print">
        {t('employerPages.common.back')}
      </Link>
      <Typography.Title level={1}>{t('employerPages.receipt.title', { paymentNo })}</Typography.Title>
      {refused ? (
        <Typography.Paragraph role="alert">{t('employerPages.receipt.notFound')}</Typography.Paragraph>
      ) : (
        <QueryState query={receipt}>
          {(data) => (
            <>
              <PrintButton className="no-print">{t('employerPages.receipt.print')}</PrintButton>
              <Descriptions bordered size="small" column={{ xs: 1, sm: 2 }} className="receipt-facts">
                <Descriptions.Item label={t('employerPages.payments.paymentNo')}>
                  {data.paymentNo}
                </Descriptions.Item>
                <Descriptions.Item label={t('employerPages.payments.paidOn')}>
                  {data.paidOn}
                </Descriptions.Item>
                <Descriptions.Item label={t('employerPages.payments.amount')}>
                  {formatYuan(data.amountFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('employerPages.payments.bankReference')}>
                  {data.bankReference ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('employerPages.receipt.credit')}>
                  {formatYuan(data.creditFen)}
                </Descriptions.Item>
              </Descriptions>
              <Typography.Title level={2}>{t('employerPages.receipt.allocations')}</Typography.Title>
              <ReceiptAllocationsTable
                allocations={data.allocations}
                label={t('employerPages.receipt.allocations')}
                texts={{
                  billNo: t('employerPages.bills.billNo'),
                  period: t('employerPages.bills.period'),
                  kind: t('employerPages.bills.kind'),
                  amount: t('employerPages.payments.amount'),
                  empty: t('employerPages.common.empty'),
                }}
                kindName={(kind) => {
                  const key = billKindKey(kind);
                  return key ? t(key) : kind;
                }}
                billLink={(billNo) => (
                  <Link to={`/employer/bills/${encodeURIComponent(billNo)}`}>{billNo}</Link>
                )}
              />
              <Typography.Title level={2}>{t('employerPages.receipt.lateFees')}</Typography.Title>
              {data.lateFees.length === 0 ? (
                <Typography.Paragraph>{t('employerPages.receipt.noLateFees')}</Typography.Paragraph>
              ) : (
                <ReceiptLateFeesTable
                  lateFees={data.lateFees}
                  label={t('employerPages.receipt.lateFees')}
                  texts={{
                    sourceBill: t('employerPages.receipt.sourceBill'),
                    principal: t('employerPages.receipt.principal'),
                    days: t('employerPages.receipt.days'),
                    fee: t('employerPages.receipt.fee'),
                  }}
                />
              )}
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}
