import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failedAs } from '../../cards/card-problem.ts';
import {
  batchFileUrl,
  cardKeys,
  createBatch,
  fetchBatches,
  importReturn,
  type BankReturn,
  type Batch,
} from '../../cards/cards-api.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatChinaTime } from '../../shell/format.ts';
import { userName } from '../medical/user-name.ts';

const B = 'cardPages.staff.batches';
const ROW_FIELDS = ['card_no', 'bank_account_no', 'produced_on', 'row'] as const;

/**
 * Production batches (docs/RULES.md 18.6): the region's approved applications sent to one card bank as a
 * batch file, the batch files to download, and each batch's return file imported, with its rows in error
 * listed by line (they change nothing). Officers only create and import; oversight reads.
 */
export function BatchesSection({ regionCode, mayAct }: { regionCode: string; mayAct: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const batches = useQuery({
    queryKey: cardKeys.batches(regionCode),
    queryFn: () => fetchBatches(regionCode),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['cards'] });
  const create = useMutation({
    mutationFn: (bankCode: string) => createBatch(regionCode, bankCode),
    onSuccess: refresh,
  });
  const [returns, setReturns] = useState<{ batchId: number; result: BankReturn } | null>(null);
  const imported = useMutation({
    mutationFn: ({ batchId, file }: { batchId: number; file: File }) => importReturn(batchId, file),
    onSuccess: (result, { batchId }) => {
      setReturns({ batchId, result });
      void refresh();
    },
  });
  return (
    <Card>
      <Typography.Paragraph>{t(`${B}.intro`)}</Typography.Paragraph>
      {mayAct && (
        <Form<{ bankCode: string }>
          name="card-batch"
          layout="inline"
          className="staff-toolbar"
          onFinish={(fields) => create.mutate(fields.bankCode.trim().toUpperCase())}
        >
          <Form.Item
            name="bankCode"
            label={t(`${B}.bankCode`)}
            extra={t(`${B}.bankCodeHelp`)}
            rules={[
              {
                required: true,
                pattern: /^\s*[A-Za-z0-9]{2,12}\s*$/,
                message: t(`${B}.bankCodeInvalid`),
              },
            ]}
          >
            <Input maxLength={12} autoComplete="off" style={{ width: '10rem' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t(`${B}.create`)}
          </Button>
        </Form>
      )}
      <div role="status">
        {create.isSuccess && (
          <Alert
            type="success"
            showIcon
            className="card-batch-created"
            title={t(`${B}.created`, { batchNo: create.data.batchNo, cards: create.data.cards })}
          />
        )}
      </div>
      {create.isError && (
        <ProblemAlert
          className="card-problem"
          error={create.error}
          describe={failedAs(t('cardPages.common.failed'))}
        />
      )}
      <Typography.Title level={3}>{t(`${B}.list`)}</Typography.Title>
      {batches.isError ? (
        <ProblemAlert
          error={batches.error}
          describe={failedAs(t('cardPages.common.loadFailed'))}
          action={<Button onClick={() => void batches.refetch()}>{t('cardPages.common.retry')}</Button>}
        />
      ) : (
        <div className="card-table">
          <Table<Batch>
            className="card-batches"
            scroll={{ x: 'max-content' }}
            rowKey="id"
            size="small"
            loading={batches.isPending}
            pagination={false}
            dataSource={batches.data?.items ?? []}
            locale={{ emptyText: t(`${B}.empty`) }}
            onRow={(batch) => ({ 'data-batch-id': batch.id }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                key: 'batchNo',
                title: t(`${B}.columns.batchNo`),
                render: (_, batch) => <code>{batch.batchNo}</code>,
              },
              {
                key: 'bank',
                title: t(`${B}.columns.bank`),
                render: (_, batch) => <code>{batch.bankCode}</code>,
              },
              { key: 'cards', title: t(`${B}.columns.cards`), dataIndex: 'cards' },
              {
                key: 'createdAt',
                title: t(`${B}.columns.createdAt`),
                render: (_, batch) => formatChinaTime(batch.createdAt, i18n.language),
              },
              {
                key: 'createdBy',
                title: t(`${B}.columns.createdBy`),
                render: (_, batch) => <code>{userName(batch.createdBy)}</code>,
              },
              ...(mayAct
                ? [
                    {
                      key: 'file',
                      title: t(`${B}.columns.file`),
                      render: (_: unknown, batch: Batch) => (
                        <a
                          href={batchFileUrl(batch.id)}
                          download={batch.fileName}
                          className="card-batch-file"
                        >
                          {t(`${B}.download`)}
                        </a>
                      ),
                    },
                    {
                      key: 'returns',
                      title: t(`${B}.columns.returns`),
                      render: (_: unknown, batch: Batch) => (
                        <Upload
                          accept=".csv,text/csv"
                          maxCount={1}
                          showUploadList={false}
                          beforeUpload={(file) => {
                            imported.mutate({ batchId: batch.id, file });
                            return false;
                          }}
                        >
                          <Button
                            size="small"
                            icon={<UploadOutlined />}
                            loading={imported.isPending && imported.variables?.batchId === batch.id}
                          >
                            {t(`${B}.importReturn`)}
                          </Button>
                        </Upload>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </div>
      )}
      {imported.isError && (
        <ProblemAlert
          className="card-problem"
          error={imported.error}
          describe={failedAs(t('cardPages.common.failed'))}
        />
      )}
      {returns && <ReturnResult result={returns.result} />}
    </Card>
  );
}

/** What a return file did: the counts, and the rows in error by line with the field and why. */
function ReturnResult({ result }: { result: BankReturn }) {
  const { t, i18n } = useTranslation();
  return (
    <div
      className="card-return"
      role="status"
      data-produced={result.produced}
      data-errors={result.errors.length}
    >
      <Alert
        type={result.errors.length ? 'warning' : 'success'}
        showIcon
        title={t(`${B}.returnResult`, {
          rows: result.rows,
          produced: result.produced,
          already: result.already,
          errors: result.errors.length,
        })}
        description={result.replayed ? t(`${B}.replayed`) : undefined}
      />
      {result.errors.length > 0 && (
        <>
          <Typography.Title level={4}>{t(`${B}.errorsTitle`)}</Typography.Title>
          <div className="card-table">
            <Table
              className="card-return-errors"
              scroll={{ x: 'max-content' }}
              size="small"
              pagination={false}
              rowKey={(row) => `${row.line}-${row.field}`}
              dataSource={result.errors}
              columns={[
                { key: 'line', title: t(`${B}.errorColumns.line`), dataIndex: 'line' },
                {
                  key: 'field',
                  title: t(`${B}.errorColumns.field`),
                  render: (_, row) => <code>{row.field}</code>,
                },
                {
                  key: 'reason',
                  title: t(`${B}.errorColumns.reason`),
                  // The server's reason is English, for API clients: an English reader gets it as it is.
                  render: (_, row) =>
                    i18n.language === 'en'
                      ? row.reason
                      : t(
                          `${B}.rowReasons.${(ROW_FIELDS as readonly string[]).includes(row.field) ? (row.field as (typeof ROW_FIELDS)[number]) : 'other'}`,
                        ),
                },
              ]}
            />
          </div>
        </>
      )}
    </div>
  );
}
