import {
  assessPersonMonth,
  chinaDateOf,
  compileContributionSchedule,
  emptyPersonMonth,
  findContributionCycle,
  parseRegionCode,
  postAssessment,
  type PersonMonthAmounts,
  type PolicyBook,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { insertPostings } from '../ledger/index.ts';
import { selectDeclaredMonths, selectEmployeeMonths, selectEmployerClasses } from '../registration/index.ts';
import { addToTotals, emptyTotals, toLineRow, type BillTotals } from './bill-rows.ts';
import { insertBill, insertLineRows } from './bills.repository.ts';
import { monthBounds } from './due-date.ts';
import {
  selectEstimateLine,
  selectUnsettledEstimates,
  type UnsettledEstimate,
} from './estimates.repository.ts';
import type { CollectionDeps } from './collection-deps.ts';

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

export type Settlement = SettlementResult['settlements'][number];

/**
 * The estimated months (SIL Art. 62) of a region, or of one employer, that have been declared since they
 * were estimated: what the settlement workflow (workflows/settle-estimates.ts) settles one by one. Months
 * already settled are not found again, so re-running changes nothing.
 */
export async function findEstimatesToSettle(
  deps: CollectionDeps,
  input: { regionCode: string; employerId?: number },
): Promise<UnsettledEstimate[]> {
  const regionCode = parseRegionCode(input.regionCode, 'region');
  const estimates = await selectUnsettledEstimates(deps.db, regionCode, input.employerId);
  const employerIds = estimates.map((estimate) => estimate.employerId);
  const declared = await selectDeclaredMonths(deps.db, employerIds);
  const classes = new Map(
    (await selectEmployerClasses(deps.db, employerIds)).map((employer) => [employer.id, employer]),
  );
  return estimates.flatMap((estimate) => {
    const employer = classes.get(estimate.employerId);
    if (!employer || !declared.has(`${estimate.employerId}|${estimate.period}`)) return [];
    return [{ ...estimate, industryClass: employer.industryClass, injuryFloatPpm: employer.injuryFloatPpm }];
  });
}

/**
 * Settles one estimated month inside the caller's transaction: a settlement bill with the month's real
 * per-person lines, and a settlement credit that takes the estimate back (its line negated). Both keep the
 * estimate's due date: declaring late does not move what was owed when. The workflow then sets the credit
 * against the employer's oldest open bills, fund by fund, which is how an estimate already paid pays the
 * real month, and an unpaid one disappears.
 */
export async function settleEstimate(
  trx: Kysely<Database>,
  book: PolicyBook,
  estimate: UnsettledEstimate,
  recordedAt: string,
): Promise<Settlement> {
  const schedule = compileContributionSchedule(book, {
    regionCode: estimate.regionCode,
    period: estimate.period,
    category: 'employee',
    injuryClass: estimate.industryClass,
    injuryFloatPpm: estimate.injuryFloatPpm,
  });
  const cycle = findContributionCycle(book, estimate.regionCode, estimate.period);
  const months = await selectEmployeeMonths(trx, [estimate.employerId], {
    ...monthBounds(estimate.period),
    cycleStart: cycle.start,
  });
  const lines = months.map((month) => ({
    personId: month.personId as number | null,
    amounts: assessPersonMonth(schedule, month.declaredFen ?? 0),
  }));
  const estimateLine = await selectEstimateLine(trx, estimate.billId);
  const assessed = await insertSettlementBill(trx, estimate, 'S', lines, recordedAt);
  const reversed = await insertSettlementBill(
    trx,
    estimate,
    'SR',
    [{ personId: null, amounts: negate(estimateLine) }],
    recordedAt,
  );
  return {
    period: estimate.period,
    payerKey: `E${estimate.employerId}`,
    assessedFen: assessed.totalFen,
    estimatedFen: -reversed.totalFen,
    differenceFen: assessed.totalFen + reversed.totalFen,
  };
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
  await insertLineRows(
    trx,
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
