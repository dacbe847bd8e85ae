import { z } from 'zod';

/**
 * Why a bank statement line was not booked, as a stable code with the values its sentence names, so
 * that the web app says it in the reader's language (docs/RULES.md 7.5); the English
 * sentence is kept beside it for API clients and the console. Add codes, never rename them.
 */
export const ROW_REASON_CODES = [
  'not-csv',
  'field-count',
  'reference-missing',
  'reference-repeated',
  'amount-missing',
  'amount-not-positive',
  'amount-unreadable',
  'amount-too-many-decimals',
  'amount-too-large',
  'paid-on-missing',
  'paid-on-not-a-date',
  'paid-on-too-early',
  'paid-on-future',
  'already-recorded',
  'already-waiting',
  'payer-code-missing',
  'payer-code-unreadable',
  'no-employer',
  'no-person',
  'not-in-importer-regions',
] as const;
export type RowReasonCode = (typeof ROW_REASON_CODES)[number];

export const rowReason = z.object({
  code: z.enum(ROW_REASON_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type RowReason = z.infer<typeof rowReason>;

type Params = RowReason['params'];

/** The column a reason is about, as the statement's header names it. */
const COLUMN_OF: Partial<Record<RowReasonCode, string>> = {
  'reference-missing': 'bank_reference',
  'reference-repeated': 'bank_reference',
  'amount-missing': 'amount',
  'amount-not-positive': 'amount',
  'amount-unreadable': 'amount',
  'amount-too-many-decimals': 'amount',
  'amount-too-large': 'amount',
  'paid-on-missing': 'paid_on',
  'paid-on-not-a-date': 'paid_on',
  'paid-on-too-early': 'paid_on',
  'paid-on-future': 'paid_on',
  'already-recorded': 'bank_reference',
  'already-waiting': 'bank_reference',
  'payer-code-missing': 'payer_code',
  'payer-code-unreadable': 'payer_code',
  'no-employer': 'payer_code',
  'no-person': 'payer_code',
  'not-in-importer-regions': 'payer_code',
};

const SENTENCES: Record<RowReasonCode, (p: Params) => string> = {
  'not-csv': (p) => `not valid CSV: ${p.problem}`,
  'field-count': (p) => `has ${p.count} fields, the header has ${p.expected}`,
  'reference-missing': () => 'missing',
  'reference-repeated': (p) => `${p.reference} already appears on line ${p.firstLine}`,
  'amount-missing': () => 'missing',
  'amount-not-positive': (p) => `"${p.text}" must be more than zero`,
  'amount-unreadable': (p) => `"${p.text}" is not a decimal number`,
  'amount-too-many-decimals': (p) => `"${p.text}" has more than ${p.scale} decimal places`,
  'amount-too-large': (p) => `"${p.text}" is too large`,
  'paid-on-missing': () => 'missing',
  'paid-on-not-a-date': (p) => `"${p.text}" is not a calendar date in the form YYYY-MM-DD`,
  'paid-on-too-early': (p) => `"${p.text}" must not be before ${p.earliest}`,
  'paid-on-future': (p) => `${p.text} is after today, ${p.today}`,
  'already-recorded': (p) => `${p.reference} was already recorded as payment ${p.paymentNo}`,
  'already-waiting': (p) =>
    `${p.reference} already waits for review (import ${p.importId}, line ${p.lineNo})`,
  'payer-code-missing': () => 'missing',
  'payer-code-unreadable': (p) => `"${p.code}" is neither a credit code nor an identity number`,
  'no-employer': (p) => `no employer with credit code ${p.creditCode}`,
  'no-person': () => 'no insured person with that identity number',
  'not-in-importer-regions': (p) =>
    `${p.creditCode ? `no employer with credit code ${p.creditCode}` : 'no insured person with that identity number'} in the regions this account may act in; the row waits for review`,
};

export function reason(code: RowReasonCode, params: Params = {}): RowReason {
  return { code, params };
}

/** One reason in English, led by the column it is about ("amount: missing"). */
export function describeRowReason(reason: RowReason): string {
  const column = COLUMN_OF[reason.code];
  const sentence = SENTENCES[reason.code](reason.params);
  return column ? `${column}: ${sentence}` : sentence;
}

/** A line's reasons as the one English text stored and shown to API clients. */
export function describeRowReasons(reasons: readonly RowReason[]): string | null {
  return reasons.length ? reasons.map(describeRowReason).join('; ') : null;
}

/** The reasons stored with a row (JSON), read back; a row stored before reasons had codes has none. */
export function parseStoredReasons(stored: string | null): RowReason[] | undefined {
  if (stored === null) return undefined;
  const parsed = z.array(rowReason).safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : undefined;
}

/** The coded reasons of a stored row, for a reply; none for a row stored before reasons had codes. */
export function withReasons(stored: string | null): { reasons?: RowReason[] } {
  const reasons = parseStoredReasons(stored);
  return reasons ? { reasons } : {};
}
