import { addMonths, parsePeriod, payingBankOf, periodToIndex, type Fund } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertRollRow, selectRollByAward, selectRollsOfPerson } from './roll.repository.ts';

export interface AwardToEnrol {
  awardNo: string;
  personId: number;
  regionCode: string;
  kind: string;
  /** The fund that pays it; the pension fund when left out. */
  fund?: Fund;
  payeeName: string;
  /** The last month owed, for an award of a fixed number of months (unemployment benefit). */
  lastMonth?: string;
  /**
   * The last month paid without a survival verification; two cycles from the first month when left out
   * (docs/RULES.md 14.6).
   */
  verifiedThrough?: string;
  validFrom: string;
  monthlyFen: number;
  /** The personal-account part within the amount, and the balance at retirement it draws down. */
  accountPartFen: number;
  accountBalanceFen: number;
  payee: { kind: 'bank' | 'card'; account: string };
  /**
   * The first month Shebao pays: the award's first month (months before the region's next run are paid
   * back by it), or later for an award carried over from a system that paid the months before.
   */
  firstMonthToPay?: string;
  /** The employer the work-injury fund advances the award for (docs/RULES.md 15.22). */
  advancedForEmployer?: number;
  recordedAt: string;
}

/**
 * Puts an approved award on the payroll (docs/RULES.md 14.14), in the award's own transaction: from its
 * first month, at its amount, paid to its payee through the bank the account belongs to. The award itself
 * counts as the first cycle's survival verification, so months are paid through the end of the second
 * cycle until a verification comes (docs/RULES.md 14.6).
 */
export async function enrolAward(trx: Kysely<Database>, award: AwardToEnrol): Promise<number> {
  const validFrom = parsePeriod(award.validFrom, 'validFrom');
  const firstMonthToPay = parsePeriod(award.firstMonthToPay ?? validFrom, 'firstMonthToPay');
  if (firstMonthToPay < validFrom)
    throw new AppError(ErrorCode.VALIDATION, 'firstMonthToPay: is before the award begins', {
      field: 'firstMonthToPay',
    });
  if (award.accountPartFen > 0 && (award.fund ?? 'pension') !== 'pension')
    throw new AppError(
      ErrorCode.VALIDATION,
      'accountPartFen: only the pension fund pays out of personal accounts',
      {
        field: 'accountPartFen',
      },
    );
  const lastMonth = award.lastMonth === undefined ? null : parsePeriod(award.lastMonth, 'lastMonth');
  if (lastMonth !== null && lastMonth < validFrom)
    throw new AppError(ErrorCode.VALIDATION, 'lastMonth: is before the award begins', { field: 'lastMonth' });
  if (award.accountPartFen > award.monthlyFen)
    throw new AppError(ErrorCode.VALIDATION, 'accountPartFen: exceeds the monthly amount', {
      field: 'accountPartFen',
    });
  if (await selectRollByAward(trx, award.awardNo))
    throw new AppError(ErrorCode.CONFLICT, `awardNo: ${award.awardNo} is on the payroll already`, {
      field: 'awardNo',
    });
  return insertRollRow(trx, {
    award_no: award.awardNo,
    person_id: award.personId,
    region_code: award.regionCode,
    kind: award.kind,
    fund: award.fund ?? 'pension',
    payee_name: award.payeeName,
    first_period: validFrom,
    first_month_index: periodToIndex(validFrom),
    monthly_fen: award.monthlyFen,
    monthly_from: validFrom,
    monthly_version: 1,
    prior_monthly_fen: award.monthlyFen,
    account_part_fen: award.accountPartFen,
    account_balance_fen: award.accountBalanceFen,
    payee_kind: award.payee.kind,
    payee_account: award.payee.account,
    bank_code: payingBankOf(award.payee.account),
    verified_through: award.verifiedThrough ?? addMonths(validFrom, 23),
    back_pay_from: firstMonthToPay,
    stopped_after: lastMonth,
    stop_reason: lastMonth === null ? null : 'entitlement-ended',
    advanced_for_employer: award.advancedForEmployer ?? null,
    updated_at: award.recordedAt,
  });
}

/** The person's awards on the payroll (a pensioner has one; a later benefit may add more). */
export async function awardsOnRoll(
  db: Kysely<Database>,
  personId: number,
): Promise<
  {
    awardNo: string;
    kind: string;
    fund: Fund;
    firstPeriod: string;
    stoppedAfter: string | null;
    stopReason: string | null;
  }[]
> {
  return (await selectRollsOfPerson(db, personId)).map((roll) => ({
    awardNo: roll.award_no,
    kind: roll.kind,
    fund: roll.fund,
    firstPeriod: roll.first_period,
    stoppedAfter: roll.stopped_after,
    stopReason: roll.stop_reason,
  }));
}
