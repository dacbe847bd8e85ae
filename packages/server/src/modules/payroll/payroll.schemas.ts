import { z } from 'zod';
import { periodText, regionCodeText } from '../../http/shared.schemas.ts';

export const payrollRunInput = z.strictObject({
  regionCode: regionCodeText,
  period: periodText,
});

export const bankFileView = z.object({
  id: z.number(),
  /** The fund whose bank account the file pays from (docs/RULES.md 15.20). */
  fund: z.enum(['pension', 'medical', 'unemployment', 'work_injury']),
  bankCode: z.string(),
  fileName: z.string(),
  lineCount: z.number(),
  totalFen: z.number(),
  sha256: z.string().nullable(),
  issuedAt: z.string().nullable(),
});
export type BankFileView = z.infer<typeof bankFileView>;

export const payrollRunView = z.object({
  id: z.number(),
  regionCode: z.string(),
  period: z.string(),
  status: z.enum(['running', 'done', 'failed', 'interrupted']),
  step: z.enum(['lines', 'one-time', 'bank-files', 'done']),
  rollsTotal: z.number(),
  linesPaid: z.number(),
  linesWithheld: z.number(),
  paidFen: z.number(),
  startedBy: z.string(),
  startedAt: z.string(),
  heartbeatAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  files: z.array(bankFileView),
});
export type PayrollRunView = z.infer<typeof payrollRunView>;

export const bankReturnSummary = z.object({
  returnId: z.number(),
  bankFileId: z.number(),
  rowsRead: z.number(),
  failedCount: z.number(),
  failedFen: z.number(),
  replayed: z.boolean(),
});

const lineState = z.enum(['owed', 'paid', 'returned', 'withheld', 'released']);

export const pensionPaymentsView = z.object({
  personId: z.number(),
  awards: z.array(
    z.object({
      awardNo: z.string(),
      kind: z.string(),
      status: z.enum(['in-payment', 'withheld', 'stopped']),
      stoppedAfter: z.string().nullable(),
      verifiedThrough: z.string(),
      payee: z.object({ kind: z.enum(['bank', 'card']), accountMasked: z.string(), bank: z.string() }),
      next: z
        .object({
          period: z.string(),
          dueFen: z.number(),
          pooledFen: z.number(),
          accountFen: z.number(),
          /** Arrears (positive) or recoveries (negative) waiting to be netted into it. */
          waitingFen: z.number(),
          withheld: z.boolean(),
        })
        .nullable(),
      lines: z.array(
        z.object({
          id: z.number(),
          period: z.string(),
          dueFen: z.number(),
          pooledFen: z.number(),
          accountFen: z.number(),
          netFen: z.number(),
          state: lineState,
          paidOn: z.string().nullable(),
          bank: z.string().nullable(),
          returnReason: z.string().nullable(),
        }),
      ),
      adjustments: z.array(
        z.object({
          forPeriod: z.string(),
          amountFen: z.number(),
          reason: z.string(),
          note: z.string(),
          settled: z.boolean(),
        }),
      ),
    }),
  ),
  oneTime: z.array(
    z.object({
      id: z.number(),
      kind: z.enum([
        'funeral-grant',
        'survivors-benefit',
        'account-inheritance',
        'injury-disability-subsidy',
        'injury-funeral',
        'injury-death-subsidy',
        'injury-medical',
        'maternity-allowance',
        'maternity-medical',
      ]),
      payeeName: z.string(),
      accountMasked: z.string(),
      amountFen: z.number(),
      recoveredFen: z.number(),
      reason: z.string(),
      state: z.enum(['scheduled', 'owed', 'paid']),
    }),
  ),
  claims: z.array(
    z.object({
      id: z.number(),
      totalFen: z.number(),
      recoveredFen: z.number(),
      reason: z.string(),
      months: z.array(z.string()),
    }),
  ),
});
export type PensionPaymentsView = z.infer<typeof pensionPaymentsView>;
