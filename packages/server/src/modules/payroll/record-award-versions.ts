import { parsePeriod, payingBankOf } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import {
  type RollRow,
  insertVersionDifferences,
  selectRollByAward,
  updateRoll,
  updateWithheldDue,
} from './roll.repository.ts';

export interface NewAwardVersion {
  awardNo: string;
  version: number;
  validFrom: string;
  monthlyFen: number;
  /**
   * The amount in force the month before validFrom (the versions' history decides it). Needed only when
   * the version starts before the one on the roll; otherwise the roll knows it.
   */
  priorMonthlyFen?: number;
  /** A new payee account, when the version changes it. */
  payee?: { kind: 'bank' | 'card'; account: string };
}

/**
 * What the month before the new version's first is owed: the amount on the roll when the new version
 * starts after the roll's, what the roll owed before its own version when both start together, and what
 * the caller read from the versions' history when the new one goes back further.
 */
function priorAmount(roll: RollRow, version: NewAwardVersion): number {
  if (version.validFrom > roll.monthly_from) return Number(roll.monthly_fen);
  if (version.validFrom === roll.monthly_from) return Number(roll.prior_monthly_fen);
  if (version.priorMonthlyFen === undefined)
    throw new AppError(
      ErrorCode.VALIDATION,
      `priorMonthlyFen: ${version.awardNo} goes back before ${roll.monthly_from}; say what the month before ${version.validFrom} is owed`,
      { field: 'priorMonthlyFen' },
    );
  return version.priorMonthlyFen;
}

/**
 * Puts new versions of awards on the payroll (docs/RULES.md 14.5, 14.14), in the versions' transaction:
 * the roll pays the new amount from its month, withheld months will be paid back at it, and every month
 * already paid (or on its way to the bank) that the new amount changes gets its arrears or recovery,
 * netted into the next payment. Versions older than the one on the roll are refused: versions come in
 * order. Returns the number of months with a difference.
 */
export async function recordAwardVersions(
  trx: Kysely<Database>,
  versions: readonly NewAwardVersion[],
  source: { key: string; note: string; recordedAt: string },
): Promise<number> {
  const rollIds: number[] = [];
  for (const version of versions) {
    parsePeriod(version.validFrom, 'validFrom');
    const roll = await selectRollByAward(trx, version.awardNo);
    if (!roll)
      throw new AppError(ErrorCode.NOT_FOUND, `awardNo: ${version.awardNo} is not on the payroll`, {
        field: 'awardNo',
      });
    if (version.version <= roll.monthly_version)
      throw new AppError(
        ErrorCode.CONFLICT,
        `version: ${version.awardNo} is at version ${roll.monthly_version} on the payroll already`,
        { field: 'version' },
      );
    await updateRoll(trx, Number(roll.id), {
      monthly_fen: version.monthlyFen,
      monthly_from: version.validFrom,
      monthly_version: version.version,
      prior_monthly_fen: priorAmount(roll, version),
      ...(version.payee
        ? {
            payee_kind: version.payee.kind,
            payee_account: version.payee.account,
            bank_code: payingBankOf(version.payee.account),
          }
        : {}),
      updated_at: source.recordedAt,
    });
    rollIds.push(Number(roll.id));
  }
  let differences = 0;
  for (let start = 0; start < rollIds.length; start += 500) {
    const chunk = rollIds.slice(start, start + 500);
    await updateWithheldDue(trx, chunk);
    differences += await insertVersionDifferences(trx, {
      rollIds: chunk,
      sourceKey: source.key,
      note: source.note,
      recordedAt: source.recordedAt,
    });
  }
  return differences;
}
