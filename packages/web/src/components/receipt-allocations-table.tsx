import { Table } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod, formatYuan } from '../shell/format.ts';

/** One bill a payment paid (a receipt's `allocations`). */
export interface ReceiptAllocation {
  billNo: string;
  period: string;
  kind: string;
  amountFen: number;
}

export interface ReceiptAllocationsTexts {
  billNo: string;
  period: string;
  kind: string;
  amount: string;
  /** Shown when the payment paid no bill. */
  empty: string;
}

/** The bills a payment paid, with the month, the kind and the amount applied to each. */
export function ReceiptAllocationsTable({
  allocations,
  texts,
  kindName,
  billLink,
  label,
  scrollX,
}: {
  allocations: readonly ReceiptAllocation[];
  texts: ReceiptAllocationsTexts;
  /** A bill kind in the reader's language. */
  kindName: (kind: string) => string;
  /** The bill number as a link to the bill, where the reader may open it. */
  billLink?: (billNo: string) => ReactNode;
  /** The table's accessible name. */
  label?: string;
  /** The width below which the table scrolls sideways (on a phone). */
  scrollX?: number;
}) {
  const { i18n } = useTranslation();
  return (
    <Table<ReceiptAllocation>
      {...(label ? { 'aria-label': label } : {})}
      rowKey={(row) => `${row.billNo}-${row.amountFen}`}
      dataSource={allocations}
      size="small"
      pagination={false}
      {...(scrollX ? { scroll: { x: scrollX } } : {})}
      locale={{ emptyText: texts.empty }}
      columns={[
        {
          title: texts.billNo,
          dataIndex: 'billNo',
          render: (billNo: string) => (billLink ? billLink(billNo) : billNo),
        },
        {
          title: texts.period,
          dataIndex: 'period',
          render: (period: string) => formatPeriod(period, i18n.language),
        },
        { title: texts.kind, dataIndex: 'kind', render: kindName },
        {
          title: texts.amount,
          dataIndex: 'amountFen',
          align: 'right',
          render: (fen: number) => formatYuan(fen),
        },
      ]}
    />
  );
}
