import { parseBusinessDate, parseScaledDecimal, type BusinessDate } from '@shebao/domain';
import { EARLIEST_PAYMENT_DATE } from '../../shared/business-date.ts';
import type { CsvError } from 'csv-parse';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { reason, type RowReason } from './row-reasons.ts';

/** The columns a statement must have, in any order; others are ignored. */
export const STATEMENT_COLUMNS = ['bank_reference', 'payer_code', 'payer_name', 'amount', 'paid_on'] as const;

type Column = (typeof STATEMENT_COLUMNS)[number];

/** One line of a statement as read: the fields that could be read, and what is wrong with it. */
export interface StatementLine {
  /** 1-based line of the file, counting the header, as an editor shows it. */
  lineNo: number;
  bankReference: string | null;
  payerCode: string | null;
  payerName: string | null;
  amountFen: number | null;
  paidOn: BusinessDate | null;
  /** Each reason the line cannot be paid as it stands; empty when it is well-formed. */
  problems: RowReason[];
}

/**
 * Reads a bank statement CSV: a header row naming the columns, then one receipt per line. Each physical
 * line is parsed on its own (a real CSV parser, quotes and all), so a broken line is reported with its
 * exact line number and cannot swallow the lines after it; bank statements never put a line break inside
 * a field. Only a missing header refuses the whole file.
 */
export function parseStatement(content: string, today: BusinessDate): StatementLine[] {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((line) => line.trim() !== '');
  if (headerIndex < 0) throw invalidContent('the file is empty');
  const header = readFields(lines[headerIndex]!);
  if ('error' in header)
    throw invalidContent(`header (line ${headerIndex + 1}): not valid CSV: ${header.error}`);
  const names = header.fields.map((name) => name.trim().toLowerCase());
  const missing = STATEMENT_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length) {
    throw invalidContent(
      `header (line ${headerIndex + 1}): missing column ${missing.join(', ')}; expected ${STATEMENT_COLUMNS.join(', ')}`,
    );
  }
  const position = Object.fromEntries(
    STATEMENT_COLUMNS.map((column) => [column, names.indexOf(column)]),
  ) as Record<Column, number>;

  const firstLineOfReference = new Map<string, number>();
  const parsed: StatementLine[] = [];
  for (let index = headerIndex + 1; index < lines.length; index++) {
    if (lines[index]!.trim() === '') continue;
    const line = readLine(lines[index]!, index + 1, names.length, position, today);
    // The first line carrying a reference owns it; a later one is a repeat of the same transfer.
    if (line.bankReference !== null) {
      const first = firstLineOfReference.get(line.bankReference);
      if (first === undefined) firstLineOfReference.set(line.bankReference, line.lineNo);
      else
        line.problems.push(reason('reference-repeated', { reference: line.bankReference, firstLine: first }));
    }
    parsed.push(line);
  }
  if (parsed.length === 0) throw invalidContent('the file has no rows after the header');
  return parsed;
}

function readLine(
  text: string,
  lineNo: number,
  columnCount: number,
  position: Record<Column, number>,
  today: BusinessDate,
): StatementLine {
  const line: StatementLine = {
    lineNo,
    bankReference: null,
    payerCode: null,
    payerName: null,
    amountFen: null,
    paidOn: null,
    problems: [],
  };
  const read = readFields(text);
  if ('error' in read) {
    line.problems.push(reason('not-csv', { kind: read.kind, problem: read.error }));
    return line;
  }
  if (read.fields.length !== columnCount) {
    line.problems.push(reason('field-count', { count: read.fields.length, expected: columnCount }));
    return line;
  }
  const field = (column: Column) => read.fields[position[column]]!.trim();

  line.bankReference = field('bank_reference') || null;
  if (line.bankReference === null) line.problems.push(reason('reference-missing'));
  line.payerCode = field('payer_code') || null;
  line.payerName = field('payer_name') || null;
  line.amountFen = readAmount(field('amount'), line.problems);
  line.paidOn = readDate(field('paid_on'), today, line.problems);
  return line;
}

/** Yuan with at most two decimals, optionally grouped by thousands ("1,234.56"), more than zero. */
function readAmount(text: string, problems: RowReason[]): number | null {
  if (text === '') {
    problems.push(reason('amount-missing'));
    return null;
  }
  const plain = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text) ? text.replaceAll(',', '') : text;
  try {
    const amountFen = parseScaledDecimal(plain, 2, 'amount');
    if (amountFen > 0) return amountFen;
    problems.push(reason('amount-not-positive', { text }));
  } catch (error) {
    problems.push(amountProblem(text, (error as Error).message));
  }
  return null;
}

/** Why the domain's decimal reading refused an amount, as a reason code. */
function amountProblem(text: string, message: string): RowReason {
  if (/more than \d+ decimal places$/.test(message))
    return reason('amount-too-many-decimals', { text, scale: 2 });
  if (/too large$/.test(message)) return reason('amount-too-large', { text });
  return reason('amount-unreadable', { text });
}

function isCalendarDate(text: string): boolean {
  try {
    parseBusinessDate(text);
    return true;
  } catch {
    return false;
  }
}

/** The day the money arrived: a calendar date, not before the earliest payment date, not after today. */
function readDate(text: string, today: BusinessDate, problems: RowReason[]): BusinessDate | null {
  if (text === '') {
    problems.push(reason('paid-on-missing'));
    return null;
  }
  if (!isCalendarDate(text)) problems.push(reason('paid-on-not-a-date', { text }));
  else if (text < EARLIEST_PAYMENT_DATE)
    problems.push(reason('paid-on-too-early', { text, earliest: EARLIEST_PAYMENT_DATE }));
  else if (text > today) problems.push(reason('paid-on-future', { text, today }));
  else return text;
  return null;
}

/** What is wrong with a line that is not CSV, as the web app names it. */
type CsvProblemKind = 'quote-not-closed' | 'closing-quote' | 'opening-quote' | 'other';

function readFields(text: string): { fields: string[] } | { error: string; kind: CsvProblemKind } {
  try {
    const records = parseCsv(text, { relax_column_count: true });
    return { fields: records[0] ?? [] };
  } catch (error) {
    if (isCsvError(error)) return { error: describeCsvError(error), kind: csvProblemKind(error) };
    throw error;
  }
}

// By its code rather than instanceof: the ESM and CommonJS builds of csv-parse have a CsvError class each.
function isCsvError(error: unknown): error is CsvError {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^(CSV_|INVALID_)/.test(code);
}

function csvProblemKind(error: CsvError): CsvProblemKind {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'quote-not-closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'closing-quote';
    case 'INVALID_OPENING_QUOTE':
      return 'opening-quote';
    default:
      return 'other';
  }
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is not closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a closing quote is followed by other characters';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote opens in the middle of a field';
    default:
      return error.message.replace(/ at line \d+.*$/, '');
  }
}

function invalidContent(reason: string): AppError {
  return new AppError(ErrorCode.VALIDATION, `content: ${reason}`, { field: 'content' });
}
