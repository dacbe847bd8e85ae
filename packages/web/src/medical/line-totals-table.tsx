import { Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { BENEFIT_LINES, type BenefitLine } from './medical-api.ts';
import { Money } from './money-cell.tsx';

type Lines = Record<BenefitLine, number>;

interface Row {
  line: BenefitLine;
  deductibleFen: number;
  pooledFen: number;
}

/**
 * A person's year on each benefit line (outpatient, inpatient, chronic disease): how much of the line's
 * deductible their claims have taken and what the pooling fund has paid, with the total the fund paid.
 */
export function LineTotalsTable({
  deductibleUsedFen,
  pooledFen,
  pooledTotalFen,
}: {
  deductibleUsedFen: Lines;
  pooledFen: Lines;
  pooledTotalFen: number;
}) {
  const { t } = useTranslation();
  const rows: Row[] = BENEFIT_LINES.map((line) => ({
    line,
    deductibleFen: deductibleUsedFen[line],
    pooledFen: pooledFen[line],
  }));
  return (
    <Table<Row>
      className="medical-line-totals"
      size="small"
      rowKey="line"
      pagination={false}
      dataSource={rows}
      onRow={(row) => ({ 'data-line': row.line }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('medicalPages.year.line'),
          dataIndex: 'line',
          render: (line: BenefitLine) => t(`medicalPages.lines.${line}`),
        },
        {
          title: t('medicalPages.year.deductibleUsed'),
          dataIndex: 'deductibleFen',
          align: 'right',
          render: (fen: number) => <Money fen={fen} name="deductibleUsedFen" />,
        },
        {
          title: t('medicalPages.year.pooled'),
          dataIndex: 'pooledFen',
          align: 'right',
          render: (fen: number) => <Money fen={fen} name="pooledFen" />,
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('medicalPages.year.total')}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} />
          <Table.Summary.Cell index={2} align="right">
            <Money fen={pooledTotalFen} name="pooledTotalFen" />
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
