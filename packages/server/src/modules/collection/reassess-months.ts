import {
  ACCOUNT_COLUMNS,
  AMOUNT_COLUMNS,
  addMonths,
  assessPersonMonth,
  compileContributionSchedule,
  dateToPeriod,
  emptyPersonMonth,
  findContributionCycle,
  parsePeriod,
  parseRegionCode,
  postAssessment,
  type ContributionSchedule,
  type PersonMonthAmounts,
  type Posting,
  type PolicyBook,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertPostings } from '../ledger/index.ts';
import { selectEmployeeMonths, selectEmployerClasses, selectRegionEmployers } from '../registration/index.ts';
import { addToTotals, emptyTotals, toLineRow } from './bill-rows.ts';
import {
  countAdjustments,
  insertBill,
  insertLineRows,
  selectBilledAmounts,
  selectReassessableEmployerIds,
} from './bills.repository.ts';
import { dueDateOf, monthBounds } from './due-date.ts';
import type { Clock } from '../../app/clock.ts';
import type { CollectionDeps } from './collection-deps.ts';

export interface ReassessInput {
  regionCode: string;
  fromPeriod: string;
  toPeriod: string;
  /** Only this employer's staff (a late hire, a corrected base); all employers of the region when absent. */
  employerId?: number;
}

export interface ReassessResult {
  adjustmentBills: { billNo: string; period: string; payerKey: string; totalFen: number }[];
  personMonthsChanged: number;
}

/** The columns a difference is taken of: every amount and account part, not the bases. */
const AMOUNT_KEYS = [...AMOUNT_COLUMNS, ...ACCOUNT_COLUMNS].map((column) => column.key);

/** What a reassessment covers, checked, with the policy book and the day it runs on. */
export interface ReassessPlan {
  regionCode: string;
  periods: string[];
  employerId?: number;
  book: PolicyBook;
  today: string;
}

/**
 * Retroactive changes (a late hire, a corrected base, a parameter published late) are reassessed by
 * workflows/reassess-months.ts; this checks what it covers: the region, the months (in order, within the
 * region's parameters and the horizon) and the employer.
 */
export async function planReassessment(deps: CollectionDeps, input: ReassessInput): Promise<ReassessPlan> {
  const regionCode = parseRegionCode(input.regionCode, 'region');
  const fromPeriod = parsePeriod(input.fromPeriod, 'fromPeriod');
  const toPeriod = parsePeriod(input.toPeriod, 'toPeriod');
  if (toPeriod < fromPeriod) {
    throw new AppError(ErrorCode.VALIDATION, 'toPeriod: must not be before fromPeriod', {
      field: 'toPeriod',
    });
  }
  // Nothing is reassessed before the region's parameters begin or beyond the horizon (docs/RULES.md 10.5).
  await deps.policy.checkPeriod(fromPeriod, 'fromPeriod', regionCode);
  await deps.policy.checkPeriod(toPeriod, 'toPeriod', regionCode);
  const book = await deps.policy.loadBook();
  const today = deps.clock.now().toISOString().slice(0, 10);
  const periods: string[] = [];
  for (let period = fromPeriod; period <= toPeriod; period = addMonths(period, 1)) periods.push(period);
  return {
    regionCode,
    periods,
    ...(input.employerId === undefined ? {} : { employerId: input.employerId }),
    book,
    today,
  };
}

/**
 * Reassesses one month inside the caller's transaction: recomputes what was already billed with what is
 * known now and bills the difference per person as an adjustment bill (negative for a credit). Nothing
 * billed is edited, and a second run finds no difference, so re-running changes nothing. Months not yet
 * billed are left to the monthly run. Answers the payers that got an adjustment, whose credits the
 * workflow then sets against what they owe.
 */
export async function reassessPeriod(
  trx: Kysely<Database>,
  clock: Clock,
  plan: ReassessPlan,
  period: string,
  result: ReassessResult,
): Promise<{ payerKeys: string[]; recordedAt: string | null }> {
  const { regionCode, book, today } = plan;
  const employers = await selectBilledEmployers(trx, regionCode, period, plan.employerId);
  if (employers.length === 0) return { payerKeys: [], recordedAt: null };
  const cycle = findContributionCycle(book, regionCode, period);
  const months = await selectEmployeeMonths(
    trx,
    employers.map((employer) => employer.id),
    {
      ...monthBounds(period),
      cycleStart: cycle.start,
    },
  );
  const billed = await selectBilledAmounts(
    trx,
    employers.map((employer) => employer.id),
    period,
  );
  const schedules = new Map<string, ContributionSchedule>();
  const expected = new Map<string, PersonMonthAmounts>();
  const classOf = new Map(employers.map((employer) => [employer.id, employer]));
  for (const month of months) {
    const employer = classOf.get(month.employerId)!;
    const key = `${employer.industryClass}|${employer.injuryFloatPpm}`;
    let schedule = schedules.get(key);
    if (!schedule) {
      schedule = compileContributionSchedule(book, {
        regionCode,
        period,
        category: 'employee',
        injuryClass: employer.industryClass,
        injuryFloatPpm: employer.injuryFloatPpm,
      });
      schedules.set(key, schedule);
    }
    expected.set(
      `${month.employerId}|${month.personId}`,
      assessPersonMonth(schedule, month.declaredFen ?? 0),
    );
  }

  // The difference per person: what should have been billed minus what was billed.
  const deltas = new Map<number, { personId: number; amounts: PersonMonthAmounts }[]>();
  for (const key of new Set([...expected.keys(), ...billed.keys()])) {
    const want = expected.get(key) ?? emptyPersonMonth();
    const had = billed.get(key) ?? emptyPersonMonth();
    const delta = { ...want };
    let changed = false;
    for (const field of AMOUNT_KEYS) {
      delta[field] = want[field] - had[field];
      if (delta[field] !== 0) changed = true;
    }
    if (!changed) continue;
    const [employerId, personId] = key.split('|').map(Number) as [number, number];
    const list = deltas.get(employerId) ?? [];
    list.push({ personId, amounts: delta });
    deltas.set(employerId, list);
  }
  if (deltas.size === 0) return { payerKeys: [], recordedAt: null };

  const dueDate = dueDateOf(
    dateToPeriod(today),
    book.require<number>('collection.dueDay', { regionCode, period }).value,
  );
  const recordedAt = clock.now().toISOString();
  const postings: Posting[] = [];
  const lineRows: (string | number | null)[][] = [];
  for (const [employerId, lines] of deltas) {
    const payerKey = `E${employerId}`;
    const totals = emptyTotals();
    for (const line of lines) addToTotals(totals, line.amounts);
    const sequence = await countAdjustments(trx, payerKey, period);
    const billNo = `${period.replace('-', '')}-${payerKey}-A${sequence + 1}`;
    const id = await insertBill(
      trx,
      {
        billNo,
        regionCode,
        period,
        payerKey,
        employerId,
        personId: null,
        kind: 'adjustment',
        dueDate,
      },
      totals,
      recordedAt,
    );
    for (const line of lines) lineRows.push(toLineRow(id, line.personId, regionCode, period, line.amounts));
    postings.push(
      ...postAssessment({ eventKey: `assess:${billNo}`, businessDate: today, regionCode }, totals.funds),
    );
    result.adjustmentBills.push({ billNo, period, payerKey, totalFen: totals.totalFen });
    result.personMonthsChanged += lines.length;
  }
  await insertLineRows(trx, lineRows);
  await insertPostings(trx, postings, recordedAt);
  return { payerKeys: [...deltas.keys()].map((employerId) => `E${employerId}`), recordedAt };
}

/** The region's employers (or the one named) whose month was billed and may be reassessed, by id. */
async function selectBilledEmployers(
  db: Kysely<Database>,
  regionCode: string,
  period: string,
  employerId?: number,
) {
  const employers =
    employerId === undefined
      ? await selectRegionEmployers(db, regionCode)
      : await selectEmployerClasses(db, [employerId], regionCode);
  const billed = await selectReassessableEmployerIds(
    db,
    employers.map((employer) => employer.id),
    period,
  );
  return employers.filter((employer) => billed.has(employer.id));
}
