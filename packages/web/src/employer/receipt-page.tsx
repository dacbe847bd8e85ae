import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/api-error.ts';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { billKindKey } from './bill-status.ts';
import { fetchReceipt, type Receipt } from './employer-api.ts';
import { QueryState } from './query-state.tsx';

type Allocation = Receipt['allocations'][number];
type LateFee = Receipt['lateFees'][number];

/** /employer/payments/:paymentNo: the receipt of one payment, printable. */
export function ReceiptPage({ employerId }: { employerId: number }) {
  const { t, i18n } = useTranslation();
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
              <Button
                className="no-print"
                icon={<PrinterOutlined aria-hidden />}
                onClick={() => window.print()}
              >
                {t('employerPages.receipt.print')}
              </Button>
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
              <Table<Allocation>
                aria-label={t('employerPages.receipt.allocations')}
                rowKey={(row) => `${row.billNo}-${row.amountFen}`}
                dataSource={data.allocations}
                size="small"
                pagination={false}
                locale={{ emptyText: t('employerPages.common.empty') }}
                columns={[
                  {
                    title: t('employerPages.bills.billNo'),
                    render: (_, row) => (
                      <Link to={`/employer/bills/${encodeURIComponent(row.billNo)}`}>{row.billNo}</Link>
                    ),
                  },
                  {
                    title: t('employerPages.bills.period'),
                    render: (_, row) => formatPeriod(row.period, i18n.language),
                  },
                  {
                    title: t('employerPages.bills.kind'),
                    render: (_, row) => {
                      const key = billKindKey(row.kind);
                      return key ? t(key) : row.kind;
                    },
                  },
                  {
                    title: t('employerPages.payments.amount'),
                    align: 'right',
                    render: (_, row) => formatYuan(row.amountFen),
                  },
                ]}
              />
              <Typography.Title level={2}>{t('employerPages.receipt.lateFees')}</Typography.Title>
              {data.lateFees.length === 0 ? (
                <Typography.Paragraph>{t('employerPages.receipt.noLateFees')}</Typography.Paragraph>
              ) : (
                <Table<LateFee>
                  aria-label={t('employerPages.receipt.lateFees')}
                  rowKey={(row) => `${row.billNo}-${row.sourceBillNo}`}
                  dataSource={data.lateFees}
                  size="small"
                  pagination={false}
                  columns={[
                    { title: t('employerPages.receipt.sourceBill'), dataIndex: 'sourceBillNo' },
                    {
                      title: t('employerPages.receipt.principal'),
                      align: 'right',
                      render: (_, row) => formatYuan(row.principalFen),
                    },
                    { title: t('employerPages.receipt.days'), dataIndex: 'days', align: 'right' },
                    {
                      title: t('employerPages.receipt.fee'),
                      align: 'right',
                      render: (_, row) => formatYuan(row.feeFen),
                    },
                  ]}
                />
              )}
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}
