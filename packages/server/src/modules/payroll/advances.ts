import { chinaDateOf, formatFenAsYuan, postAdvanceRepayment } from '@shebao/domain';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertPostings } from '../ledger/index.ts';
import {
  insertRepayment,
  selectAdvancesRegion,
  selectEmployerAdvances,
  selectRepaymentByReference,
} from './advance-claims.repository.ts';
import type { PayrollDeps } from './payroll-deps.ts';

/*
 * What the work-injury fund advanced for an employer that had not insured its injured employee, and what
 * the employer repays (WIIR Art. 62; SIL Art. 41; docs/RULES.md 15.22).
 */

export const advanceRepaymentInput = z.strictObject({
  amountFen: z.number().int('must be whole fen').positive('must be more than nothing'),
  receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD'),
  /** The bank's reference of the transfer: a repayment is recorded once. */
  bankReference: z.string().trim().min(4, 'give the bank’s reference').max(64),
});
export type AdvanceRepaymentInput = z.infer<typeof advanceRepaymentInput>;

export interface EmployerAdvances {
  employerId: number;
  claimedFen: number;
  repaidFen: number;
  owedFen: number;
  /** By person and month: what the fund paid for the employer. */
  claims: { personId: number; period: string; amountFen: number }[];
  repayments: { amountFen: number; receivedOn: string; bankReference: string }[];
}

export async function employerAdvances(deps: PayrollDeps, employerId: number): Promise<EmployerAdvances> {
  const { claims, repayments } = await selectEmployerAdvances(deps.db, employerId);
  const claimedFen = claims.reduce((sum, row) => sum + Number(row.amount_fen), 0);
  const repaidFen = repayments.reduce((sum, row) => sum + Number(row.amount_fen), 0);
  return {
    employerId,
    claimedFen,
    repaidFen,
    owedFen: claimedFen - repaidFen,
    claims: claims.map((row) => ({
      personId: Number(row.person_id),
      period: row.period,
      amountFen: Number(row.amount_fen),
    })),
    repayments: repayments.map((row) => ({
      amountFen: Number(row.amount_fen),
      receivedOn: row.received_on,
      bankReference: row.bank_reference,
    })),
  };
}

/**
 * Records an employer's repayment of advances in one transaction with its posting: never more than it
 * owes, never dated after today; the same bank reference again with the same amount is the same repayment
 * (nothing is recorded twice), with another amount a conflict.
 */
export async function recordAdvanceRepayment(
  deps: PayrollDeps,
  employerId: number,
  input: AdvanceRepaymentInput,
  recordedBy: string,
): Promise<{ advances: EmployerAdvances; replayed: boolean }> {
  const today = chinaDateOf(deps.clock.now());
  if (input.receivedOn > today)
    throw new AppError(ErrorCode.VALIDATION, `receivedOn: ${input.receivedOn} is after today`, {
      field: 'receivedOn',
      detailCode: 'date-in-future',
    });
  const replayed = await deps.db.transaction().execute(async (trx) => {
    const earlier = await selectRepaymentByReference(trx, input.bankReference);
    if (earlier) {
      if (Number(earlier.employer_id) !== employerId || Number(earlier.amount_fen) !== input.amountFen)
        throw new AppError(
          ErrorCode.CONFLICT,
          `bankReference: ${input.bankReference} was recorded already for another repayment`,
          { field: 'bankReference' },
        );
      return true;
    }
    const region = await selectAdvancesRegion(trx, employerId);
    const owed = (await employerAdvances({ ...deps, db: trx }, employerId)).owedFen;
    if (!region || input.amountFen > owed)
      throw new AppError(
        ErrorCode.VALIDATION,
        `amountFen: the employer owes ${formatFenAsYuan(owed)} yuan of advances; ${formatFenAsYuan(input.amountFen)} is more`,
        { field: 'amountFen' },
      );
    const at = deps.clock.now().toISOString();
    const id = await insertRepayment(trx, {
      employer_id: employerId,
      region_code: region,
      fund: 'work_injury',
      amount_fen: input.amountFen,
      received_on: input.receivedOn,
      bank_reference: input.bankReference,
      recorded_by: recordedBy,
      recorded_at: at,
    });
    await insertPostings(
      trx,
      postAdvanceRepayment(
        { eventKey: `advance-repayment:${id}`, businessDate: today, regionCode: region },
        input.amountFen,
      ),
      at,
    );
    return false;
  });
  return { advances: await employerAdvances(deps, employerId), replayed };
}
