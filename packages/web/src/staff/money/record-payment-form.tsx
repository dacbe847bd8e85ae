import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatYuan } from '../../shell/format.ts';
import { newIdempotencyKey } from '../../api/idempotency-key.ts';
import { recordPayment, type Receipt } from './money-api.ts';
import { failedAs } from './problem-text.ts';
import { chinaToday } from '../../shell/agency-clock.ts';
import { DateField } from '../../shell/date-field.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { isPayerCode, typedYuanToFen } from './typed-values.ts';

const P = 'staffMoneyPages.payments';

interface Values {
  payerCode: string;
  amount: string;
  paidOn: string;
  bankReference?: string;
}

/**
 * Records a payment that reached the agency's account, by hand. One Idempotency-Key per submission: a
 * retry of the same values (after a timeout) reuses it, so the money is never booked twice; changing the
 * values or a successful booking starts a new one.
 */
export function RecordPaymentForm({ initialPayerCode }: { initialPayerCode?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const key = useRef(newIdempotencyKey());
  const [recorded, setRecorded] = useState<Receipt | null>(null);
  const today = chinaToday();
  const record = useMutation({
    mutationFn: (values: Values) =>
      recordPayment(
        {
          payerCode: values.payerCode.trim().toUpperCase(),
          amountFen: typedYuanToFen(values.amount)!,
          paidOn: values.paidOn,
          ...(values.bankReference?.trim() ? { bankReference: values.bankReference.trim() } : {}),
        },
        key.current,
      ),
    onSuccess: (receipt) => {
      setRecorded(receipt);
      key.current = newIdempotencyKey();
      form.resetFields(['amount', 'bankReference']);
      void queryClient.invalidateQueries({ queryKey: ['staff-money'] });
    },
  });
  return (
    <>
      <Form<Values>
        form={form}
        layout="vertical"
        name="record-payment"
        requiredMark={false}
        initialValues={{ payerCode: initialPayerCode ?? '', paidOn: today }}
        onValuesChange={() => {
          key.current = newIdempotencyKey();
          setRecorded(null);
        }}
        onFinish={(values) => record.mutate(values)}
        className="money-form"
      >
        <Form.Item
          name="payerCode"
          label={t('staffMoneyPages.common.payerCode')}
          extra={t(`${P}.payerCodeHelp`)}
          validateTrigger="onBlur"
          rules={[
            { required: true, whitespace: true, message: t(`${P}.payerCodeRequired`) },
            {
              validator: async (_rule, value: string | undefined) => {
                if (value?.trim() && !isPayerCode(value)) throw new Error(t(`${P}.payerCodeHelp`));
              },
            },
          ]}
        >
          <Input autoComplete="off" spellCheck={false} maxLength={18} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('staffMoneyPages.common.amount')}
          extra={t(`${P}.amountHelp`)}
          validateTrigger="onBlur"
          rules={[
            { required: true, whitespace: true, message: t(`${P}.amountRequired`) },
            {
              validator: async (_rule, value: string | undefined) => {
                if (value?.trim() && typedYuanToFen(value) === null) throw new Error(t(`${P}.amountInvalid`));
              },
            },
          ]}
        >
          <Input inputMode="decimal" autoComplete="off" prefix="¥" />
        </Form.Item>
        <Form.Item
          name="paidOn"
          label={t('staffMoneyPages.common.paidOn')}
          rules={[
            { required: true, message: t(`${P}.paidOnRequired`) },
            {
              validator: async (_rule, value: string | undefined) => {
                if (value && value > today)
                  throw new Error(t('staffMoneyPages.payments.paidOnFuture', { today }));
              },
            },
          ]}
        >
          <DateField max={today} block />
        </Form.Item>
        <Form.Item
          name="bankReference"
          label={t('staffMoneyPages.common.bankReference')}
          extra={t(`${P}.bankReferenceHelp`)}
        >
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {record.isPending ? t(`${P}.submitting`) : t(`${P}.submit`)}
        </Button>
      </Form>
      {record.isError && (
        <ProblemAlert className="money-result" error={record.error} describe={failedAs(t(`${P}.failed`))} />
      )}
      {recorded && (
        <Alert
          className="money-result"
          type="success"
          showIcon
          role="status"
          title={t('staffMoneyPages.payments.recorded', {
            paymentNo: recorded.paymentNo,
            amount: formatYuan(recorded.amountFen),
          })}
          action={
            <Link to={`/staff/payments/${encodeURIComponent(recorded.paymentNo)}`}>
              {t('staffMoneyPages.common.openReceipt')}
            </Link>
          }
        />
      )}
    </>
  );
}
