import { formatFenAsYuan, parseYuanToFen } from '@shebao/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { chinaToday } from '../shell/agency-clock.ts';
import { newIdempotencyKey } from '../api/idempotency-key.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { fetchOpenBills, fetchPaymentQuote, payOnline, type BillPage } from './person-api.ts';
import { personKeys } from './person-queries.ts';
import { failedAs, Loading, QueryFailure } from './query-failure.tsx';

type Bill = BillPage['items'][number];
const BILL_KINDS = new Set(['regular', 'adjustment', 'settlement', 'late_fee']);

/** Reads the typed amount in yuan as fen; null when it is not a positive amount with at most two decimals. */
function typedFen(text: string | undefined): number | null {
  try {
    const fen = parseYuanToFen((text ?? '').trim(), 'amount');
    return fen > 0 ? fen : null;
  } catch {
    return null;
  }
}

/**
 * The open bills of a flexible worker and paying them online: any amount, applied by the server to the
 * oldest bills first (late fees and credit as for any payment). One Idempotency-Key per attempt, kept
 * while the amount stays the same, so pressing "pay" again after a lost answer never pays twice.
 */
export function FlexiblePaySection({ personId }: { personId: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const attempt = useRef<{ amountFen: number; key: string } | null>(null);
  const bills = useQuery({
    queryKey: personKeys.openBills(personId),
    queryFn: () => fetchOpenBills(personId),
  });
  // The late fee runs to the day of payment: the amount offered is the server's quote for today, which
  // clears every bill and the late fees paying today charges (docs/RULES.md 6.10).
  const quote = useQuery({
    queryKey: personKeys.paymentQuote(personId),
    queryFn: () => fetchPaymentQuote(personId),
  });
  const pay = useMutation({
    mutationFn: (amountFen: number) => {
      if (attempt.current?.amountFen !== amountFen) attempt.current = { amountFen, key: newIdempotencyKey() };
      return payOnline(personId, amountFen, attempt.current.key);
    },
    onSuccess: async (receipt) => {
      attempt.current = null;
      await queryClient.invalidateQueries({ queryKey: ['person', personId] });
      await navigate(`/person/receipts/${receipt.paymentNo}`);
    },
  });

  if (bills.isPending || quote.isPending) return <Loading />;
  if (bills.isError) return <QueryFailure error={bills.error} onRetry={() => void bills.refetch()} />;
  if (quote.isError) return <QueryFailure error={quote.error} onRetry={() => void quote.refetch()} />;
  const open = bills.data.items;
  const outstandingFen = open.reduce((sum, bill) => sum + bill.totalFen - bill.paidFen, 0);
  const dueTodayFen = quote.data.amountFen;
  const today = chinaToday();
  const columns: TableColumnsType<Bill> = [
    { title: t('personPages.flexible.billNo'), dataIndex: 'billNo' },
    {
      title: t('personPages.record.period'),
      dataIndex: 'period',
      render: (period: string) => formatPeriod(period, language),
    },
    {
      title: t('personPages.flexible.billKind'),
      dataIndex: 'kind',
      render: (kind: string) =>
        BILL_KINDS.has(kind) ? t(`personPages.flexible.billKinds.${kind as 'regular'}`) : kind,
    },
    {
      title: t('personPages.flexible.dueDate'),
      dataIndex: 'dueDate',
      render: (dueDate: string) => (
        <>
          {dueDate} {dueDate < today && <Tag color="red">{t('personPages.flexible.overdue')}</Tag>}
        </>
      ),
    },
    {
      title: t('personPages.flexible.owed'),
      dataIndex: 'totalFen',
      align: 'right',
      render: (fen: number) => formatYuan(fen),
    },
    {
      title: t('personPages.flexible.paid'),
      dataIndex: 'paidFen',
      align: 'right',
      render: (fen: number) => formatYuan(fen),
    },
    {
      title: t('personPages.flexible.outstanding'),
      key: 'outstanding',
      align: 'right',
      render: (_, bill) => formatYuan(bill.totalFen - bill.paidFen),
    },
  ];

  return (
    <section className="person-section" aria-labelledby="bills-title">
      <Typography.Title level={2} id="bills-title" className="section-title">
        {t('personPages.flexible.billsTitle')}
      </Typography.Title>
      <Table<Bill>
        size="small"
        rowKey="billNo"
        columns={columns}
        dataSource={open}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('personPages.flexible.noBills') }}
      />
      {open.length > 0 && (
        <p className="person-quote-total" data-testid="outstanding">
          {t('personPages.flexible.outstandingTotal', { amount: formatYuan(outstandingFen) })}
        </p>
      )}
      {quote.data.lateFeesFen > 0 && (
        <p data-testid="due-today">
          {t('personPages.flexible.dueToday', {
            date: quote.data.asOf,
            amount: formatYuan(dueTodayFen),
            lateFees: formatYuan(quote.data.lateFeesFen),
          })}
        </p>
      )}
      <Card className="person-section">
        <Typography.Title level={3} className="person-quote-title">
          {t('personPages.flexible.payTitle')}
        </Typography.Title>
        <Typography.Paragraph>{t('personPages.flexible.payText')}</Typography.Paragraph>
        <Form<{ amount: string }>
          layout="vertical"
          name="flexible-pay"
          key={dueTodayFen}
          initialValues={{ amount: dueTodayFen > 0 ? formatFenAsYuan(dueTodayFen) : '' }}
          onFinish={(values) => {
            const fen = typedFen(values.amount);
            if (fen !== null) pay.mutate(fen);
          }}
        >
          <Form.Item
            name="amount"
            label={t('personPages.flexible.amount')}
            extra={t('personPages.flexible.amountHelp')}
            validateTrigger="onBlur"
            rules={[
              { required: true, whitespace: true, message: t('personPages.flexible.amountRequired') },
              {
                validator: async (_rule, value: string | undefined) => {
                  if (value?.trim() && typedFen(value) === null)
                    throw new Error(t('personPages.flexible.amountInvalid'));
                },
              },
            ]}
          >
            <Input inputMode="decimal" autoComplete="off" prefix="¥" className="person-amount" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={pay.isPending}>
            {pay.isPending ? t('personPages.flexible.paying') : t('personPages.flexible.pay')}
          </Button>
        </Form>
        {pay.isError && (
          <ProblemAlert
            className="person-form-status"
            error={pay.error}
            describe={failedAs(t('personPages.flexible.payFailed'))}
          />
        )}
      </Card>
    </section>
  );
}
