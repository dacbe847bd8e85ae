import { chinaDateOf, formatFenAsYuan, parsePeriod, postRecoveryClaim } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertPostings } from '../ledger/index.ts';
import type { Clock } from '../../app/clock.ts';
import { insertClaim, selectLinesAfter, updateLineDueForStop } from './claims.repository.ts';
import { selectRollByAward, selectStoppedRolls, updateRoll } from './roll.repository.ts';

export interface StoppedPayment {
  awardNo: string;
  lastMonth: string;
  /** The claim for months paid after the last month owed, when any were. */
  claim: { id: number; pooledFen: number; accountFen: number; months: string[] } | null;
}

/**
 * Stops an award after its last month owed (the month of death; docs/RULES.md 14.18), in the caller's
 * transaction: nothing is paid for later months, months withheld after it are no longer owed, and what
 * was paid for months after it (in a bank file, or on its way) becomes a claim on the estate, posted to the
 * pension fund: its expense and the personal account's draw taken back, the whole owed to the fund.
 */
export async function stopPayment(
  trx: Kysely<Database>,
  clock: Clock,
  input: { awardNo: string; lastMonth: string; reason: string; sourceKey: string },
): Promise<StoppedPayment> {
  const lastMonth = parsePeriod(input.lastMonth, 'lastMonth');
  const roll = await selectRollByAward(trx, input.awardNo);
  if (!roll)
    throw new AppError(ErrorCode.NOT_FOUND, `awardNo: ${input.awardNo} is not on the payroll`, {
      field: 'awardNo',
    });
  // An award of a fixed number of months may still be stopped before its last one.
  const endsEarlier = roll.stop_reason === 'entitlement-ended' && lastMonth < (roll.stopped_after ?? '');
  if (roll.stopped_after !== null && !endsEarlier)
    throw new AppError(
      ErrorCode.CONFLICT,
      `awardNo: ${input.awardNo} was stopped after ${roll.stopped_after}`,
      {
        field: 'awardNo',
        detailCode: 'payment-stopped',
      },
    );
  const at = clock.now().toISOString();
  await updateRoll(trx, Number(roll.id), {
    stopped_after: lastMonth,
    stop_reason: input.reason,
    updated_at: at,
  });
  await updateLineDueForStop(trx, Number(roll.id), lastMonth);
  const after = await selectLinesAfter(trx, Number(roll.id), lastMonth);
  if (after.length === 0) return { awardNo: input.awardNo, lastMonth, claim: null };
  const pooledFen = after.reduce((sum, line) => sum + line.pooledFen, 0);
  const accountFen = after.reduce((sum, line) => sum + line.accountFen, 0);
  const months = after.map((line) => line.period);
  const id = await insertClaim(trx, {
    roll_id: Number(roll.id),
    person_id: Number(roll.person_id),
    region_code: roll.region_code,
    pooled_fen: pooledFen,
    account_fen: accountFen,
    reason: `${input.reason}: ${months.length} month(s) paid after ${lastMonth}, ${formatFenAsYuan(pooledFen + accountFen)} yuan`,
    months: months.join(','),
    source_key: input.sourceKey,
    recorded_at: at,
  });
  await insertPostings(
    trx,
    postRecoveryClaim(
      {
        eventKey: `recovery-claim:${id}`,
        businessDate: chinaDateOf(clock.now()),
        regionCode: roll.region_code,
      },
      roll.fund,
      { pooledFen, accountFen },
    ),
    at,
  );
  return { awardNo: input.awardNo, lastMonth, claim: { id, pooledFen, accountFen, months } };
}

/** The last month owed of each award named whose payment has stopped (awards still paid are absent). */
export async function stoppedPayments(
  db: Kysely<Database>,
  awardNos: readonly string[],
): Promise<Map<string, string>> {
  const stopped = new Map<string, string>();
  for (let start = 0; start < awardNos.length; start += 500)
    for (const row of await selectStoppedRolls(db, awardNos.slice(start, start + 500)))
      stopped.set(row.award_no, row.stopped_after);
  return stopped;
}
