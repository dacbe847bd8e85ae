import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatementView } from '../api/pending-paths.ts';

/**
 * What a statement certifies, laid out by the server exactly as its verification page (and the PDF) shows
 * it: the same content whether the verify page was reached by the QR code's link or by a typed code. A
 * statement whose signature does not hold is shown marked as not certified.
 */
export function StatementContent({ view, certified }: { view: StatementView; certified: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="verify-statement" aria-label={view.title}>
      <Typography.Title level={2} className="verify-statement-title">
        {view.title}
        {!certified && <span className="verify-not-certified"> {t('verify.notCertified')}</span>}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered>
        {view.facts.map(([label, value]) => (
          <Descriptions.Item key={label} label={label}>
            {value}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {view.sections.map((section) => (
        <div key={section.heading} className="verify-statement-section">
          <Typography.Title level={3} className="verify-statement-heading">
            {section.heading}
          </Typography.Title>
          <Table<string[]>
            aria-label={section.heading}
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowKey={(row) => row.join('|')}
            dataSource={section.rows}
            columns={section.columns.map((column, index) => ({
              title: column,
              key: String(index),
              align: section.alignRight.includes(index) ? ('right' as const) : ('left' as const),
              render: (_: unknown, row: string[]) => row[index],
            }))}
          />
        </div>
      ))}
      {view.notes.map((note) => (
        <Typography.Paragraph key={note} type="secondary">
          {note}
        </Typography.Paragraph>
      ))}
    </section>
  );
}
