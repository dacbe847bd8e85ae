import { z } from 'zod';
import { receipt } from '../payments/index.ts';
import { rowReason } from './row-reasons.ts';

/** Request and reply shapes of bank-statement matching; they also document the HTTP API. */

export const importBankStatementInput = z.object({
  fileName: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
  // 20 MB of text is several hundred thousand receipts, more than a bank sends in a day.
  content: z.string().max(20_000_000, 'must be at most 20 MB'),
});
export type ImportBankStatementInput = z.input<typeof importBankStatementInput>;

export const resolveUnmatchedRowInput = z.object({
  rowId: z.number().int('must be a whole number').positive('must be a positive id'),
  payerCode: z.string().trim().min(1, 'must not be empty'),
});
export type ResolveUnmatchedRowInput = z.input<typeof resolveUnmatchedRowInput>;

export const STATEMENT_ROW_STATUSES = ['matched', 'unmatched', 'invalid', 'resolved'] as const;
export type StatementRowStatus = (typeof STATEMENT_ROW_STATUSES)[number];

export const statementRowOutcome = z.object({
  lineNo: z.number().int(),
  status: z.enum(STATEMENT_ROW_STATUSES),
  /** Why the line was not booked, in English. */
  reason: z.string().optional(),
  /** The same as codes with the values they name, for a client to say in its reader's language. */
  reasons: z.array(rowReason).optional(),
  paymentNo: z.string().optional(),
});
export type StatementRowOutcome = z.infer<typeof statementRowOutcome>;

export const importSummary = z.object({
  importId: z.number().int(),
  fileName: z.string(),
  /** True when this file had been imported before: nothing was recorded this time. */
  replayed: z.boolean(),
  rowsTotal: z.number().int(),
  matched: z.number().int(),
  unmatched: z.number().int(),
  invalid: z.number().int(),
  rows: z.array(statementRowOutcome),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const unmatchedRow = z.object({
  rowId: z.number().int(),
  importId: z.number().int(),
  fileName: z.string(),
  lineNo: z.number().int(),
  bankReference: z.string(),
  payerCode: z.string().nullable(),
  payerName: z.string().nullable(),
  amountFen: z.number().int(),
  paidOn: z.string(),
  reason: z.string(),
  reasons: z.array(rowReason).optional(),
});
export type UnmatchedRow = z.infer<typeof unmatchedRow>;

/** The import's query: the file's name, for the import's record. */
export const importQuery = z.strictObject({ fileName: z.string().trim().min(1).max(255) });

/** The statement itself, as a CSV body. */
export const statementBody = z.string().min(1, 'send the statement as the body (Content-Type: text/csv)');

export const unmatchedRows = z.object({ items: z.array(unmatchedRow) });

/** Naming the payer of a row waiting for review. */
export const resolveBody = z.strictObject({ payerCode: z.string().trim().min(15).max(18) });

export const resolvedRow = z.object({
  rowId: z.number().int(),
  paymentNo: z.string(),
  receipt: receipt.nullable(),
});
