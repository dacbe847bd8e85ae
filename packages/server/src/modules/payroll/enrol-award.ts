import { addMonths, parsePeriod, payingBankOf, periodToIndex } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertRollRow, selectRollByAward, selectRollsOfPerson } from './roll.repository.ts';

export interface AwardToEnrol {
  awardNo: string;
  personId: number;
  regionCode: string;
  kind: string;
  payeeName: string;
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
    verified_through: addMonths(validFrom, 23),
    back_pay_from: firstMonthToPay,
    updated_at: award.recordedAt,
  });
}

/** The person's awards on the payroll (a pensioner has one; a later benefit may add more). */
export async function awardsOnRoll(
  db: Kysely<Database>,
  personId: number,
): Promise<{ awardNo: string; kind: string; stoppedAfter: string | null }[]> {
  return (await selectRollsOfPerson(db, personId)).map((roll) => ({
    awardNo: roll.award_no,
    kind: roll.kind,
    stoppedAfter: roll.stopped_after,
  }));
}
