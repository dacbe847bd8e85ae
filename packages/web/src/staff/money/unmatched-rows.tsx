import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatYuan } from '../../shell/format.ts';
import { newIdempotencyKey } from '../../api/idempotency-key.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fetchUnmatchedRows, resolveUnmatchedRow, type ResolvedRow, type UnmatchedRow } from './money-api.ts';
import { failedAs } from './problem-text.ts';
import { RetryAlert } from './retry-alert.tsx';
import { StatementReason } from './statement-reason.tsx';
import { isPayerCode } from './typed-values.ts';

const B = 'staffMoneyPages.bank';

/** Statement lines waiting for review, each resolved by naming its payer (the transfer is then booked). */
export function UnmatchedRows() {
  const { t } = useTranslation();
  const rows = useQuery({ queryKey: ['staff-money', 'unmatched'], queryFn: fetchUnmatchedRows });
  const [resolving, setResolving] = useState<UnmatchedRow | null>(null);
  const [resolved, setResolved] = useState<{ row: UnmatchedRow; result: ResolvedRow } | null>(null);
  return (
    <>
      {resolved && (
        <Alert
          className="money-result"
          type="success"
          showIcon
          role="status"
          title={t(`${B}.resolved`, {
            bankReference: resolved.row.bankReference,
            paymentNo: resolved.result.paymentNo,
          })}
          action={
            <Link to={`/staff/payments/${encodeURIComponent(resolved.result.paymentNo)}`}>
              {t('staffMoneyPages.common.openReceipt')}
            </Link>
          }
        />
      )}
      {rows.isError && <RetryAlert error={rows.error} onRetry={rows.refetch} />}
      <Table<UnmatchedRow>
        rowKey="rowId"
        size="middle"
        loading={rows.isPending}
        dataSource={rows.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('staffMoneyPages.common.empty') }}
        scroll={{ x: true }}
        columns={[
          {
            title: t(`${B}.fileName`),
            key: 'file',
            render: (_: unknown, row) => `${row.fileName} : ${row.lineNo}`,
          },
          { title: t('staffMoneyPages.common.bankReference'), dataIndex: 'bankReference' },
          {
            title: t('staffMoneyPages.common.payerCode'),
            dataIndex: 'payerCode',
            render: (code: string | null) => code ?? '—',
          },
          {
            title: t(`${B}.payerName`),
            dataIndex: 'payerName',
            render: (name: string | null) => name ?? '—',
          },
          {
            title: t('staffMoneyPages.common.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (fen: number) => formatYuan(fen),
          },
          { title: t('staffMoneyPages.common.paidOn'), dataIndex: 'paidOn' },
          {
            title: t('staffMoneyPages.common.reason'),
            dataIndex: 'reason',
            render: (reason: string, row: UnmatchedRow) => (
              <StatementReason reason={reason} reasons={row.reasons} />
            ),
          },
          {
            title: t('staffMoneyPages.common.actions'),
            key: 'resolve',
            render: (_: unknown, row) => (
              <Button
                onClick={() => setResolving(row)}
                aria-label={`${t(`${B}.resolve`)} ${row.bankReference}`}
              >
                {t(`${B}.resolve`)}
              </Button>
            ),
          },
        ]}
      />
      {resolving && (
        <ResolveDialog
          row={resolving}
          onClose={() => setResolving(null)}
          onResolved={(result) => {
            setResolved({ row: resolving, result });
            setResolving(null);
          }}
        />
      )}
    </>
  );
}

/** Naming the payer of one row: one Idempotency-Key per dialog, so a retried click books it once. */
function ResolveDialog({
  row,
  onClose,
  onResolved,
}: {
  row: UnmatchedRow;
  onClose: () => void;
  onResolved: (result: ResolvedRow) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = useRef(newIdempotencyKey());
  const [form] = Form.useForm<{ payerCode: string }>();
  const resolve = useMutation({
    mutationFn: (payerCode: string) => resolveUnmatchedRow(row.rowId, payerCode, key.current),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['staff-money'] });
      onResolved(result);
    },
  });
  const title = t(`${B}.resolveTitle`, { bankReference: row.bankReference });
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={t(`${B}.resolveSubmit`)}
      cancelText={t(`${B}.cancel`)}
      confirmLoading={resolve.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {formatYuan(row.amountFen)} · {row.paidOn} · {row.payerName ?? '—'}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="resolve-row"
        requiredMark={false}
        initialValues={{ payerCode: '' }}
        onValuesChange={() => (key.current = newIdempotencyKey())}
        onFinish={(values) => resolve.mutate(values.payerCode.trim().toUpperCase())}
      >
        <Form.Item
          name="payerCode"
          label={t('staffMoneyPages.common.payerCode')}
          extra={t('staffMoneyPages.payments.payerCodeHelp')}
          rules={[
            { required: true, whitespace: true, message: t('staffMoneyPages.payments.payerCodeRequired') },
            {
              validator: async (_rule, value: string | undefined) => {
                if (value?.trim() && !isPayerCode(value))
                  throw new Error(t('staffMoneyPages.payments.payerCodeHelp'));
              },
            },
          ]}
        >
          <Input autoComplete="off" spellCheck={false} maxLength={18} autoFocus />
        </Form.Item>
      </Form>
      {resolve.isError && <ProblemAlert error={resolve.error} describe={failedAs(t(`${B}.resolveFailed`))} />}
    </Modal>
  );
}
