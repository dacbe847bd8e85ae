import { Alert, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportSummary } from './money-api.ts';
import { StatementReason } from './statement-reason.tsx';

const B = 'staffMoneyPages.bank';
type Row = ImportSummary['rows'][number];

/** What an import did: counts, then the booked lines, the malformed lines and the unmatched lines. */
export function ImportResult({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const of = (status: Row['status']) => summary.rows.filter((row) => row.status === status);
  const lineColumn = { title: t('staffMoneyPages.common.lineNo'), dataIndex: 'lineNo', width: 90 };
  const reasonColumn = {
    title: t('staffMoneyPages.common.reason'),
    dataIndex: 'reason',
    render: (reason: string | undefined, row: Row) => (
      <StatementReason reason={reason} reasons={row.reasons} />
    ),
  };
  return (
    <section aria-labelledby="import-result-title" className="money-import-result">
      <Typography.Title level={2} id="import-result-title">
        {t(`${B}.resultTitle`, { fileName: summary.fileName })}
      </Typography.Title>
      {summary.replayed && <Alert type="info" showIcon title={t(`${B}.replayed`)} className="money-result" />}
      <Row gutter={16} className="money-stats" role="status">
        {(
          [
            ['total', summary.rowsTotal],
            ['matched', summary.matched],
            ['invalid', summary.invalid],
            ['unmatched', summary.unmatched],
          ] as const
        ).map(([key, value]) => (
          <Col key={key} xs={12} md={6}>
            <Card size="small">
              <Statistic title={t(`${B}.${key}`)} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <ResultTable
        title={t(`${B}.matchedTitle`)}
        id="import-matched"
        rows={[...of('matched'), ...of('resolved')]}
        columns={[
          lineColumn,
          {
            title: t('staffMoneyPages.payments.paymentNo'),
            dataIndex: 'paymentNo',
            render: (paymentNo: string | undefined) =>
              paymentNo ? (
                <Link to={`/staff/payments/${encodeURIComponent(paymentNo)}`}>{paymentNo}</Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <ResultTable
        title={t(`${B}.invalidTitle`)}
        id="import-invalid"
        rows={of('invalid')}
        columns={[lineColumn, reasonColumn]}
      />
      <ResultTable
        title={t(`${B}.unmatchedTitle`)}
        id="import-unmatched"
        rows={of('unmatched')}
        columns={[lineColumn, reasonColumn]}
      />
    </section>
  );
}

function ResultTable({
  title,
  id,
  rows,
  columns,
}: {
  title: string;
  id: string;
  rows: Row[];
  columns: NonNullable<Parameters<typeof Table<Row>>[0]['columns']>;
}) {
  const { t } = useTranslation();
  return (
    <div className="money-result-table" data-testid={id}>
      <Typography.Title level={3} id={`${id}-title`}>
        {title} ({rows.length})
      </Typography.Title>
      <Table<Row>
        aria-labelledby={`${id}-title`}
        rowKey="lineNo"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={columns}
        locale={{ emptyText: t('staffMoneyPages.common.empty') }}
      />
    </div>
  );
}
