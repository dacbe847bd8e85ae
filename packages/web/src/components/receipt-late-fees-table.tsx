import { Table } from 'antd';
import { formatYuan } from '../shell/format.ts';

/** A late fee a payment was charged (a receipt's `lateFees`): on which bill's principal, for how many days. */
export interface ReceiptLateFee {
  billNo: string;
  sourceBillNo: string;
  principalFen: number;
  days: number;
  feeFen: number;
}

export interface ReceiptLateFeesTexts {
  sourceBill: string;
  principal: string;
  days: string;
  fee: string;
  /** When given, a last column with the late-fee bill's own number. */
  billNo?: string;
}

/** The late fees charged with a payment: the bill they arose on, its principal, the days late, the fee. */
export function ReceiptLateFeesTable({
  lateFees,
  texts,
  label,
  scrollX,
}: {
  lateFees: readonly ReceiptLateFee[];
  texts: ReceiptLateFeesTexts;
  /** The table's accessible name. */
  label?: string;
  /** The width below which the table scrolls sideways (on a phone). */
  scrollX?: number;
}) {
  const money = (fen: number) => formatYuan(fen);
  return (
    <Table<ReceiptLateFee>
      {...(label ? { 'aria-label': label } : {})}
      rowKey={(row) => `${row.billNo}-${row.sourceBillNo}`}
      dataSource={lateFees}
      size="small"
      pagination={false}
      {...(scrollX ? { scroll: { x: scrollX } } : {})}
      columns={[
        { title: texts.sourceBill, dataIndex: 'sourceBillNo' },
        { title: texts.principal, dataIndex: 'principalFen', align: 'right', render: money },
        { title: texts.days, dataIndex: 'days', align: 'right' },
        { title: texts.fee, dataIndex: 'feeFen', align: 'right', render: money },
        ...(texts.billNo ? [{ title: texts.billNo, dataIndex: 'billNo' }] : []),
      ]}
    />
  );
}
