import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Institution } from '../../medical/medical-api.ts';
import { Money } from '../../medical/money-cell.tsx';
import { formatPeriod } from '../../shell/format.ts';
import type { Statement } from './settlement-api.ts';

const S = 'medicalFundPages.statements';

/** The amounts of a statement, in the order the sum runs (claims less cancellations, plus carried, less kept back). */
const AMOUNTS = [
  'pooledFen',
  'accountFen',
  'carriedInFen',
  'deductedFen',
  'paidFen',
  'carriedOutFen',
] as const;
type Amount = (typeof AMOUNTS)[number] | 'cancelledFen';

/** Whole fen added up: the total row's sums stay exact integers. */
const sum = (statements: readonly Statement[], name: Amount) =>
  statements.reduce((total, statement) => total + statement[name], 0);

/**
 * Monthly statements (docs/RULES.md 16.6), one row per institution, month and fund: the claims and what
 * the fund and the personal accounts paid on them, the month's cancellations, what was carried in, the
 * recoveries kept back, what was paid and carried out, when it was due and when paid. A month's statements
 * name their institutions (`institutions`, linked to their pages) and add up; an institution's own list
 * names its months instead.
 */
export function StatementsTable({
  statements,
  institutions,
  loading,
  emptyText,
}: {
  statements: Statement[];
  /** The region's institutions by id: the table is a month's, by institution. Else it is one institution's. */
  institutions?: Map<number, Institution>;
  loading?: boolean;
  /** What an empty list means where it is shown. */
  emptyText?: string;
}) {
  const { t, i18n } = useTranslation();
  const byInstitution = institutions !== undefined;
  const money = (name: (typeof AMOUNTS)[number]): TableColumnsType<Statement>[number] => ({
    title: t(`${S}.${name}`),
    dataIndex: name,
    align: 'right',
    render: (fen: number) => <Money fen={fen} name={name} />,
  });
  const columns: TableColumnsType<Statement> = [
    byInstitution
      ? {
          title: t(`${S}.institution`),
          dataIndex: 'institutionId',
          render: (id: number) => (
            <Link to={`/staff/medical/institutions/${id}`}>{institutions.get(id)?.name ?? `#${id}`}</Link>
          ),
        }
      : {
          title: t(`${S}.period`),
          dataIndex: 'period',
          render: (period: string) => formatPeriod(period, i18n.language),
        },
    {
      title: t(`${S}.ledger`),
      dataIndex: 'ledger',
      render: (ledger: Statement['ledger']) => t(`medicalFundPages.ledgers.${ledger}`),
    },
    { title: t(`${S}.claims`), dataIndex: 'claims', align: 'right' },
    money('pooledFen'),
    money('accountFen'),
    {
      title: t(`${S}.cancelled`),
      dataIndex: 'cancelledFen',
      align: 'right',
      render: (fen: number, statement) => (
        <>
          <Money fen={fen} name="cancelledFen" />
          <span data-cancelled={statement.cancelled}>
            {t(`${S}.cancelledCount`, { count: statement.cancelled })}
          </span>
        </>
      ),
    },
    money('carriedInFen'),
    money('deductedFen'),
    money('paidFen'),
    money('carriedOutFen'),
    { title: t(`${S}.dueOn`), dataIndex: 'dueOn' },
    { title: t(`${S}.paidOn`), dataIndex: 'paidOn' },
    {
      title: t(`${S}.statementNo`),
      dataIndex: 'statementNo',
      render: (statementNo: string) => <code>{statementNo}</code>,
    },
  ];
  return (
    <Table<Statement>
      className="medical-statements"
      size="small"
      rowKey="statementNo"
      loading={loading}
      dataSource={statements}
      pagination={byInstitution ? false : { pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 1500 }}
      locale={{ emptyText: emptyText ?? t(`${S}.empty`) }}
      onRow={(statement) =>
        ({
          'data-statement-no': statement.statementNo,
          'data-institution-id': statement.institutionId,
          'data-ledger': statement.ledger,
        }) as object
      }
      columns={columns}
      summary={(rows) =>
        byInstitution && rows.length > 1 ? (
          <Table.Summary.Row className="medical-statements-total">
            <Table.Summary.Cell index={0} colSpan={2}>
              <strong>{t(`${S}.total`)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {rows.reduce((total, row) => total + row.claims, 0)}
            </Table.Summary.Cell>
            {(['pooledFen', 'accountFen', 'cancelledFen', ...AMOUNTS.slice(2)] as const).map(
              (name, index) => (
                <Table.Summary.Cell key={name} index={3 + index} align="right">
                  <Money fen={sum(rows, name)} name={`total-${name}`} />
                </Table.Summary.Cell>
              ),
            )}
            <Table.Summary.Cell index={10} colSpan={3} />
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
