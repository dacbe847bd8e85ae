import { formatFenAsYuan, parseScaledDecimal } from '@shebao/domain';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type { DeclareBaseInput } from './registration.schemas.ts';

/**
 * The yearly base file (缴费基数申报表) an employer uploads, as CSV or as an Excel workbook: a header row
 * naming the columns `id-number` and `declared` (yuan), then one row per employee; other columns (a
 * name, a note) are ignored. Both formats are read into the same records and checked by the same code,
 * so a row is refused for the same reason whichever format it came in.
 */

/** One row as read: the line it stands on in the file (the header is usually line 1), its cells as text. */
export interface BaseFileRecord {
  line: number;
  cells: string[];
}

/** A refused row: `line` in the file, `row` counting data rows from 1. */
export interface BaseFileError {
  line: number;
  row: number;
  field: string;
  reason: string;
  code: string;
}

export const BASE_FILE_COLUMNS = { idNumber: 'id-number', name: 'name', declared: 'declared' } as const;
export const MAX_BASE_FILE_ROWS = 50_000;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function unreadable(format: string, error: unknown): AppError {
  return new AppError(
    ErrorCode.VALIDATION,
    `body: is not a readable ${format} file (${(error as Error).message})`,
    {
      field: 'body',
    },
  );
}

export function readBaseCsv(content: string): BaseFileRecord[] {
  try {
    const records = parseCsv(content, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    throw unreadable('CSV', error);
  }
}

/** The first worksheet of an .xlsx workbook; the line of a record is the sheet's row number. */
export async function readBaseXlsx(content: Buffer): Promise<BaseFileRecord[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable('Excel (.xlsx)', error);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet)
    throw new AppError(ErrorCode.VALIDATION, 'body: the workbook has no worksheet', { field: 'body' });
  const records: BaseFileRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    const filled = Array.from(cells, (cell) => cell ?? '');
    if (filled.some((cell) => cell.trim() !== '')) records.push({ line: rowNumber, cells: filled });
  });
  return records;
}

/** A cell as the text a person sees in it; formulas count by their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // Numbers are written out in full (an amount typed as 9000 or 9000.5); never in exponent form.
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('text' in value) return String(value.text);
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  return '';
}

/**
 * Columns of a file whose rows name their own employer and contribution year (the command line's
 * `shebao register base --file`): the employer by id or credit code, the person by id (or identity
 * number), the year by its first month or any month of it, and the source (yearly or correction).
 * An employer's upload names the employer and the year in the request, so these are not read from it.
 */
export const BASE_FILE_ROW_COLUMNS = {
  employerId: 'employer-id',
  creditCode: 'credit-code',
  personId: 'person-id',
  cycleStart: 'cycle-start',
  period: 'period',
  source: 'source',
} as const;

/** `wage`: the command line's older name of the declared amount, still read where `declared` is absent. */
export const DECLARED_COLUMN_ALIAS = 'wage';

/** Every column a base file may carry (others are refused by the command line, ignored by the upload). */
export const BASE_FILE_COLUMN_NAMES: readonly string[] = [
  ...Object.values(BASE_FILE_COLUMNS),
  DECLARED_COLUMN_ALIAS,
  ...Object.values(BASE_FILE_ROW_COLUMNS),
];

/** What the request says of every row: an employer's upload names the employer and the year. */
export interface BaseFileDefaults {
  employerId?: number;
  cycleStart?: string;
}

export interface BaseFileDeclaration {
  line: number;
  row: number;
  input: DeclareBaseInput;
}

function needsHeader(columns: string): AppError {
  return new AppError(ErrorCode.VALIDATION, `body: needs a header row with the columns ${columns}`, {
    field: 'body',
  });
}

/**
 * The declarations a file asks for, with the lines they came from, and the rows refused on reading
 * (an amount that is not yuan, an id that is not a number). The header is the first record; every later
 * record is a data row. A file for one employer and year (`defaults` names both) is read by its
 * `id-number` and `declared` columns; a file that names its own employers and years also by the
 * BASE_FILE_ROW_COLUMNS, an empty cell counting as not given.
 */
export function toBaseDeclarations(
  records: readonly BaseFileRecord[],
  defaults: BaseFileDefaults,
): { declarations: BaseFileDeclaration[]; errors: BaseFileError[] } {
  const [header, ...rows] = records;
  const columns = (header?.cells ?? []).map((name) => name.trim().toLowerCase());
  const ownRows = defaults.employerId === undefined || defaults.cycleStart === undefined;
  const amountName = columns.includes(BASE_FILE_COLUMNS.declared)
    ? BASE_FILE_COLUMNS.declared
    : DECLARED_COLUMN_ALIAS;
  const column = (name: string) => columns.indexOf(name);
  const has = (name: string) => column(name) >= 0;
  if (!ownRows) {
    if (!has(BASE_FILE_COLUMNS.idNumber) || !has(BASE_FILE_COLUMNS.declared))
      throw needsHeader('id-number and declared');
  } else {
    const groups = [
      [BASE_FILE_COLUMNS.declared, DECLARED_COLUMN_ALIAS],
      [BASE_FILE_COLUMNS.idNumber, BASE_FILE_ROW_COLUMNS.personId],
      ...(defaults.employerId === undefined
        ? [[BASE_FILE_ROW_COLUMNS.employerId, BASE_FILE_ROW_COLUMNS.creditCode]]
        : []),
      ...(defaults.cycleStart === undefined
        ? [[BASE_FILE_ROW_COLUMNS.cycleStart, BASE_FILE_ROW_COLUMNS.period]]
        : []),
    ];
    const lacking = groups.find((group) => !group.some(has));
    if (lacking) throw needsHeader(`${lacking.join(' or ')} among them`);
  }
  if (rows.length === 0) throw new AppError(ErrorCode.VALIDATION, 'body: has no rows', { field: 'body' });
  if (rows.length > MAX_BASE_FILE_ROWS)
    throw new AppError(ErrorCode.VALIDATION, `body: at most ${MAX_BASE_FILE_ROWS} rows per file`, {
      field: 'body',
    });
  const errors: BaseFileError[] = [];
  const declarations: BaseFileDeclaration[] = [];
  rows.forEach((record, index) => {
    const row = index + 1;
    const refuse = (field: string, reason: string) =>
      errors.push({ line: record.line, row, field, reason, code: ErrorCode.VALIDATION });
    const text = (name: string) => (has(name) ? (record.cells[column(name)] ?? '').trim() : '');
    /** A cell of a file that names its own rows: empty is not given. */
    const given = (name: string) => (ownRows && text(name) !== '' ? text(name) : undefined);
    const declared = text(amountName);
    let declaredFen: number;
    try {
      declaredFen = parseScaledDecimal(declared, 2, amountName);
    } catch (error) {
      const reason =
        declared === '' ? 'must not be empty' : (error as Error).message.replace(`${amountName}: `, '');
      refuse(amountName, reason);
      return;
    }
    const input: DeclareBaseInput = { declaredFen };
    for (const [key, name] of [
      ['employerId', BASE_FILE_ROW_COLUMNS.employerId],
      ['personId', BASE_FILE_ROW_COLUMNS.personId],
    ] as const) {
      const id = given(name);
      if (id === undefined) continue;
      if (!/^\d{1,15}$/.test(id)) return refuse(key, `"${id}" must be a whole number`);
      input[key] = Number(id);
    }
    const creditCode = given(BASE_FILE_ROW_COLUMNS.creditCode);
    if (creditCode !== undefined) input.creditCode = creditCode;
    // An upload's rows name the person by identity number, an empty one refused as empty.
    const idNumber = ownRows ? given(BASE_FILE_COLUMNS.idNumber) : text(BASE_FILE_COLUMNS.idNumber);
    if (idNumber !== undefined) input.idNumber = idNumber;
    const cycleStart = given(BASE_FILE_ROW_COLUMNS.cycleStart);
    if (cycleStart !== undefined) input.cycleStart = cycleStart;
    const period = given(BASE_FILE_ROW_COLUMNS.period);
    if (period !== undefined) input.period = period;
    const source = given(BASE_FILE_ROW_COLUMNS.source);
    if (source !== undefined) input.source = source as DeclareBaseInput['source'];
    // What the request names holds for every row, whatever the file says.
    if (defaults.employerId !== undefined) {
      delete input.creditCode;
      input.employerId = defaults.employerId;
    }
    if (defaults.cycleStart !== undefined) {
      delete input.period;
      input.cycleStart = defaults.cycleStart;
    }
    declarations.push({ line: record.line, row, input });
  });
  return { declarations, errors };
}

/** A template row: who, and the base declared so far (empty where none is). */
export interface BaseFileTemplateRow {
  personId: number;
  idNumber: string;
  name: string;
  declaredFen: number | null;
}

const TEMPLATE_HEADER = [BASE_FILE_COLUMNS.idNumber, BASE_FILE_COLUMNS.name, BASE_FILE_COLUMNS.declared];

function templateCells(row: BaseFileTemplateRow): string[] {
  return [row.idNumber, row.name, row.declaredFen === null ? '' : formatFenAsYuan(row.declaredFen)];
}

/** A CSV template with a byte-order mark, so that spreadsheet programs open the names as UTF-8. */
export function writeBaseCsv(rows: readonly BaseFileTemplateRow[]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines = [TEMPLATE_HEADER, ...rows.map(templateCells)].map((cells) => cells.map(quote).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * An .xlsx template. The identity number column is formatted as text: typed into a number column,
 * Excel would keep only 15 significant digits of an 18-digit number.
 */
export async function writeBaseXlsx(rows: readonly BaseFileTemplateRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('bases');
  sheet.columns = [
    { key: 'idNumber', width: 22, style: { numFmt: '@' } },
    { key: 'name', width: 16 },
    { key: 'declared', width: 14 },
  ];
  sheet.addRow(TEMPLATE_HEADER).font = { bold: true };
  for (const row of rows) sheet.addRow(templateCells(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
