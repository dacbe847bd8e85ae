import { formatFenAsYuan, parseYuanToFen, type Fen } from '../../money/index.ts';

/**
 * The payment file a bank receives and the return file it sends back (docs/RULES.md 14.16). A payment file
 * is CSV: a header, one row per payment (the line's reference, the account, the payee's name, the amount
 * in yuan), and a control row with the number of payments and their total, which the bank checks before it
 * pays. A return file lists, per reference, whether the payment was made and why not.
 */
export const PAYMENT_FILE_HEADER = 'reference,account,name,amount';
export const RETURN_FILE_COLUMNS = ['reference', 'status', 'reason'] as const;

export interface PaymentRow {
  reference: string;
  account: string;
  name: string;
  amountFen: Fen;
}

/** Quotes a field when it needs it (RFC 4180): a comma, a quote or a line break inside. */
function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row of the file, with its line break. */
export function paymentRowText(row: PaymentRow): string {
  return `${field(row.reference)},${field(row.account)},${field(row.name)},${formatFenAsYuan(row.amountFen)}\n`;
}

/** The control row: the count and the total the bank checks the rows against. */
export function controlRowText(count: number, totalFen: Fen): string {
  return `TOTAL,${count},,${formatFenAsYuan(totalFen)}\n`;
}

/** A whole payment file in memory (tests, small files); the payroll streams large ones row by row. */
export function paymentFileText(rows: readonly PaymentRow[]): string {
  let total = 0;
  let text = `${PAYMENT_FILE_HEADER}\n`;
  for (const row of rows) {
    text += paymentRowText(row);
    total += row.amountFen;
  }
  return text + controlRowText(rows.length, total);
}

export interface ReturnRow {
  /** 1-based line of the file, counting the header. */
  lineNo: number;
  reference: string;
  status: 'paid' | 'failed';
  reason: string;
}

export interface ReturnProblem {
  lineNo: number;
  field: string;
  reason: string;
}

/** Reads the cells of a return file (already split by a CSV parser) into rows and the problems found. */
export function readReturnRows(cells: readonly (readonly string[])[]): {
  rows: ReturnRow[];
  problems: ReturnProblem[];
} {
  const rows: ReturnRow[] = [];
  const problems: ReturnProblem[] = [];
  const header = (cells[0] ?? []).map((name) => name.trim().toLowerCase());
  const position = RETURN_FILE_COLUMNS.map((column) => header.indexOf(column));
  const missing = RETURN_FILE_COLUMNS.filter((_, index) => position[index]! < 0);
  if (missing.length) {
    problems.push({
      lineNo: 1,
      field: 'header',
      reason: `missing column ${missing.join(', ')}; expected ${RETURN_FILE_COLUMNS.join(', ')}`,
    });
    return { rows, problems };
  }
  const seen = new Map<string, number>();
  cells.slice(1).forEach((row, index) => {
    const lineNo = index + 2;
    if (row.every((cell) => cell.trim() === '')) return;
    const [reference, status, reason] = position.map((at) => (row[at] ?? '').trim()) as [
      string,
      string,
      string,
    ];
    if (!/^\d+$/.test(reference))
      return void problems.push({
        lineNo,
        field: 'reference',
        reason: `"${reference}" is not a payment reference`,
      });
    if (status !== 'paid' && status !== 'failed')
      return void problems.push({
        lineNo,
        field: 'status',
        reason: `"${status}" is neither paid nor failed`,
      });
    if (status === 'failed' && reason === '')
      return void problems.push({
        lineNo,
        field: 'reason',
        reason: 'a failed payment needs the bank’s reason',
      });
    const first = seen.get(reference);
    if (first !== undefined)
      return void problems.push({
        lineNo,
        field: 'reference',
        reason: `${reference} is already on line ${first}`,
      });
    seen.set(reference, lineNo);
    rows.push({ lineNo, reference, status, reason });
  });
  return { rows, problems };
}

/** Reads a control row back (tests and the bank's own check): the count and total it states. */
export function readControlRow(line: string): { count: number; totalFen: Fen } | null {
  const match = /^TOTAL,(\d+),,([0-9.]+)$/.exec(line.trim());
  return match ? { count: Number(match[1]), totalFen: parseYuanToFen(match[2]!, 'total') } : null;
}
