import {
  assessPersonMonth,
  chinaDateOf,
  compileContributionSchedule,
  emptyPersonMonth,
  findContributionCycle,
  parseRegionCode,
  postAssessment,
  type PersonMonthAmounts,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import { bulkInsert, type Database } from '../../db/index.ts';
import { insertPostings } from '../ledger/index.ts';
import { applyHeldCredits } from '../payments/index.ts';
import {
  addToTotals,
  emptyTotals,
  LINE_COLUMNS,
  LINE_TYPES,
  toLineRow,
  type BillTotals,
} from './bill-rows.ts';
import { monthBounds } from './due-date.ts';
import { insertBill } from './insert-bill.ts';
import {
  selectEstimateLine,
  selectEstimatesToSettle,
  type UnsettledEstimate,
} from './estimates-repository.ts';
import { selectEmployeeMonths } from './repository.ts';
import type { CollectionDeps } from './run-collection.ts';

export interface SettlementResult {
  settlements: {
    period: string;
    payerKey: string;
    /** What the declared month comes to. */
    assessedFen: number;
    /** The estimate it replaces. */
    estimatedFen: number;
    /** assessed − estimated: owed when positive, a credit when negative. */
    differenceFen: number;
  }[];
}

/**
 * Settles the estimated months (SIL Art. 62) of employers that have declared them since: a settlement
 * bill with the month's real per-person lines, and a settlement credit that takes the estimate back
 * (its line negated). Both keep the estimate's due date: declaring late does not move what was owed
 * when. The credit is then set against the employer's oldest open bills, fund by fund, which is how an
 * estimate already paid pays the real month, and an unpaid one disappears. Each month is one
 * transaction; months already settled are not found again, so re-running changes nothing.
 */
export async function settleEstimates(
  deps: CollectionDeps,
  input: { regionCode: string; employerId?: number },
): Promise<SettlementResult> {
  const regionCode = parseRegionCode(input.regionCode, 'region');
  const book = await deps.policy.loadBook();
  const result: SettlementResult = { settlements: [] };
  for (const estimate of await selectEstimatesToSettle(deps.db, regionCode, input.employerId)) {
    const schedule = compileContributionSchedule(book, {
      regionCode,
      period: estimate.period,
      category: 'employee',
      injuryClass: estimate.industryClass,
      injuryFloatPpm: estimate.injuryFloatPpm,
    });
    const cycle = findContributionCycle(book, regionCode, estimate.period);
    await deps.db.transaction().execute(async (trx) => {
      const months = await selectEmployeeMonths(trx, [estimate.employerId], {
        ...monthBounds(estimate.period),
        cycleStart: cycle.start,
      });
      const lines = months.map((month) => ({
        personId: month.personId as number | null,
        amounts: assessPersonMonth(schedule, month.declaredFen ?? 0),
      }));
      const estimateLine = await selectEstimateLine(trx, estimate.billId);
      const recordedAt = deps.clock.now().toISOString();
      const assessed = await insertSettlementBill(trx, estimate, 'S', lines, recordedAt);
      const reversed = await insertSettlementBill(
        trx,
        estimate,
        'SR',
        [{ personId: null, amounts: negate(estimateLine) }],
        recordedAt,
      );
      await applyHeldCredits(
        trx,
        { payerKeys: [`E${estimate.employerId}`] },
        chinaDateOf(deps.clock.now()),
        recordedAt,
      );
      result.settlements.push({
        period: estimate.period,
        payerKey: `E${estimate.employerId}`,
        assessedFen: assessed.totalFen,
        estimatedFen: -reversed.totalFen,
        differenceFen: assessed.totalFen + reversed.totalFen,
      });
    });
  }
  return result;
}

async function insertSettlementBill(
  trx: Kysely<Database>,
  estimate: UnsettledEstimate,
  suffix: 'S' | 'SR',
  lines: { personId: number | null; amounts: PersonMonthAmounts }[],
  recordedAt: string,
): Promise<BillTotals> {
  const totals = emptyTotals();
  for (const line of lines) addToTotals(totals, line.amounts);
  const billNo = `${estimate.billNo}-${suffix}`;
  const id = await insertBill(
    trx,
    {
      billNo,
      regionCode: estimate.regionCode,
      period: estimate.period,
      payerKey: `E${estimate.employerId}`,
      employerId: estimate.employerId,
      personId: null,
      kind: 'settlement',
      // The credit taking the estimate back is marked as estimated: it is about the estimate, not the staff.
      estimated: suffix === 'SR' ? 1 : 0,
      dueDate: estimate.dueDate,
    },
    totals,
    recordedAt,
  );
  await bulkInsert(
    trx,
    'contribution_lines',
    LINE_COLUMNS,
    LINE_TYPES,
    lines.map((line) => toLineRow(id, line.personId, estimate.regionCode, estimate.period, line.amounts)),
  );
  await insertPostings(
    trx,
    postAssessment(
      {
        eventKey: `assess:${billNo}`,
        businessDate: chinaDateOf(new Date(recordedAt)),
        regionCode: estimate.regionCode,
      },
      totals.funds,
    ),
    recordedAt,
  );
  return totals;
}

/** The estimate's amounts taken back; its bases stay out (a base is never negative). */
function negate(amounts: PersonMonthAmounts): PersonMonthAmounts {
  const negated = emptyPersonMonth();
  for (const key of Object.keys(negated) as (keyof PersonMonthAmounts)[]) {
    if (!key.endsWith('BaseFen')) negated[key] = -amounts[key];
  }
  return negated;
}
