import { useQuery } from '@tanstack/react-query';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatYuan } from '../shell/format.ts';
import { fetchPayments, type PaymentPage } from './person-api.ts';
import { personKeys } from './person-queries.ts';
import { Loading, QueryFailure } from './query-failure.tsx';

type Payment = PaymentPage['items'][number];

/** The flexible worker's own payments, newest first, each with its receipt. */
export function FlexiblePaymentsSection({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const payments = useQuery({
    queryKey: personKeys.payments(personId),
    queryFn: () => fetchPayments(personId),
  });
  const columns: TableColumnsType<Payment> = [
    { title: t('personPages.flexible.paymentNo'), dataIndex: 'paymentNo' },
    { title: t('personPages.flexible.paidOn'), dataIndex: 'paidOn' },
    {
      title: t('personPages.flexible.paymentAmount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (fen: number) => formatYuan(fen),
    },
    {
      title: t('personPages.flexible.receipt'),
      key: 'receipt',
      render: (_, payment) => (
        <Link
          to={`/person/receipts/${payment.paymentNo}`}
          aria-label={`${t('personPages.flexible.receipt')} ${payment.paymentNo}`}
        >
          {t('personPages.flexible.receipt')}
        </Link>
      ),
    },
  ];
  return (
    <section className="person-section" aria-labelledby="payments-title">
      <Typography.Title level={2} id="payments-title" className="section-title">
        {t('personPages.flexible.historyTitle')}
      </Typography.Title>
      {payments.isPending ? (
        <Loading />
      ) : payments.isError ? (
        <QueryFailure error={payments.error} onRetry={() => void payments.refetch()} />
      ) : (
        <Table<Payment>
          size="small"
          rowKey="paymentNo"
          columns={columns}
          dataSource={[...payments.data.items].reverse()}
          pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 560 }}
          locale={{ emptyText: t('personPages.flexible.noHistory') }}
        />
      )}
    </section>
  );
}
