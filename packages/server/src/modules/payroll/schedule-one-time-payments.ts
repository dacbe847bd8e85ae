import { accountLeft, payingBankOf, periodToIndex, type Fund } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database, OneTimePaymentKind } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertOneTimePayments } from './one-time.repository.ts';
import { selectRollByAward } from './roll.repository.ts';

export interface OneTimePayment {
  kind: OneTimePaymentKind;
  /** The fund that pays it; the pension fund when left out (the pension's grants and inheritances). */
  fund?: Fund;
  personId: number;
  regionCode: string;
  payeeName: string;
  payeeAccount: string;
  /** Out of the pooling fund (grants) or out of the personal account (an inheritance). */
  pooledFen: number;
  accountFen: number;
  /** Withheld to settle a claim on the estate, with the claim. */
  recoveredFen: number;
  recoversClaimId: number | null;
  reason: string;
  explanation: unknown;
  /** The event and payee it comes from: scheduled once. */
  sourceKey: string;
  approvalId: number | null;
  /** The employer the work-injury fund advances it for, which owes it back (docs/RULES.md 15.22). */
  advancedForEmployer?: number;
}

/**
 * Schedules one-time payments (funeral grant, survivors' benefit, account inheritance) for the next payroll
 * of their region (docs/RULES.md 14.18), in the caller's transaction. A source already scheduled is not
 * scheduled again. Returns the ids written.
 */
export async function scheduleOneTimePayments(
  trx: Kysely<Database>,
  payments: readonly OneTimePayment[],
  at: string,
): Promise<number[]> {
  for (const payment of payments) {
    if (!/^\d{12,30}$/.test(payment.payeeAccount))
      throw new AppError(ErrorCode.VALIDATION, 'payeeAccount: must be the 12 to 30 digits of the account', {
        field: 'payeeAccount',
      });
    if (payment.accountFen > 0 && (payment.fund ?? 'pension') !== 'pension')
      throw new AppError(
        ErrorCode.VALIDATION,
        'accountFen: only the pension fund pays out of personal accounts',
        {
          field: 'accountFen',
        },
      );
    if (payment.recoveredFen > payment.pooledFen + payment.accountFen)
      throw new AppError(ErrorCode.VALIDATION, 'recoveredFen: withholds more than the payment', {
        field: 'recoveredFen',
      });
  }
  return insertOneTimePayments(
    trx,
    payments.map((payment) => ({
      person_id: payment.personId,
      region_code: payment.regionCode,
      kind: payment.kind,
      fund: payment.fund ?? 'pension',
      payee_name: payment.payeeName,
      payee_account: payment.payeeAccount,
      bank_code: payingBankOf(payment.payeeAccount),
      pooled_fen: payment.pooledFen,
      account_fen: payment.accountFen,
      recovered_fen: payment.recoveredFen,
      recovers_claim_id: payment.recoversClaimId,
      reason: payment.reason,
      explanation: JSON.stringify(payment.explanation),
      source_key: payment.sourceKey,
      approval_id: payment.approvalId,
      advanced_for_employer: payment.advancedForEmployer ?? null,
      recorded_at: at,
    })),
  );
}

/**
 * What is left on an award's personal account at the end of its last month owed (the month of death), for
 * its inheritance (docs/RULES.md 14.15, 14.18): the balance at retirement less the account part of every
 * month owed from the first, by the drawdown rule, whichever system paid those months.
 */
export async function accountLeftOf(db: Kysely<Database>, awardNo: string): Promise<number> {
  const roll = await selectRollByAward(db, awardNo);
  if (!roll)
    throw new AppError(ErrorCode.NOT_FOUND, `awardNo: ${awardNo} is not on the payroll`, {
      field: 'awardNo',
    });
  if (roll.stopped_after === null)
    throw new AppError(ErrorCode.CONFLICT, `awardNo: ${awardNo} is still in payment`, { field: 'awardNo' });
  const monthsOwed = Math.max(0, periodToIndex(roll.stopped_after) - roll.first_month_index + 1);
  return accountLeft(Number(roll.account_part_fen), Number(roll.account_balance_fen), monthsOwed);
}
