import {
  assessPersonMonth,
  compileContributionSchedule,
  findContributionCycle,
  parsePeriod,
  parseRegionCode,
  postAssessment,
  type ContributionSchedule,
  type Posting,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { insertPostings } from '../ledger/index.ts';
import {
  selectDeclaredEmployerIds,
  selectEmployeeMonths,
  selectFlexibleMonths,
  selectRegionEmployers,
  type AssessedEmployer,
} from '../registration/index.ts';
import { addToTotals, emptyTotals, regularBillNo, toLineRow } from './bill-rows.ts';
import { assessPersonMonthOnce, sortRowsByPerson } from './assess-hot-path.ts';
import { insertBillRows, insertLineRows, selectRegularlyBilledPayers } from './bills.repository.ts';
import {
  addToRunCounts,
  insertRun,
  markRunDone,
  refreshPlannerStatistics,
  selectRunningRunId,
} from './collection-runs.repository.ts';
import { dueDateOf, monthBounds } from './due-date.ts';
import type { CollectionDeps } from './collection-deps.ts';
import type { DraftBill } from './draft-bill.ts';
import { draftEstimateBills } from './estimate-bills.ts';
import { insertEstimateRecords } from './estimates.repository.ts';

export interface CollectionProgress {
  payersDone: number;
  payersTotal: number;
  personMonths: number;
  bills: number;
  totalFen: number;
}

export interface RunCollectionInput {
  regionCode: string;
  period: string;
  /** Employers per transaction; each chunk commits on its own, so a killed run resumes where it stopped. */
  chunkEmployers?: number;
  onProgress?: (progress: CollectionProgress) => void;
}

export interface CollectionRunResult {
  runId: number;
  regionCode: string;
  period: string;
  payers: number;
  personMonths: number;
  bills: number;
  totalFen: number;
}

/** A month's run: the assessment, the settlements and the held credits (workflows/month-run.ts). */
export type MonthRun = (deps: CollectionDeps, input: RunCollectionInput) => Promise<CollectionRunResult>;

/**
 * The monthly assessment of a region, the first step of the month's run (workflows/month-run.ts): one
 * bill per employer (and per flexible worker) with one line per person, posted to the fund ledgers. Work
 * is chunked by employer, each chunk one transaction; a payer that already has its regular bill for the
 * month is skipped, so a re-run or a resumed run changes nothing twice (and the unique index on regular
 * bills would refuse a second one anyway). The run stays open until `closeRun`.
 */
export async function assessMonth(
  deps: CollectionDeps,
  input: RunCollectionInput,
): Promise<CollectionRunResult> {
  const regionCode = parseRegionCode(input.regionCode, 'region');
  const period = parsePeriod(input.period, 'period');
  // Nothing is billed before the region's parameters begin or beyond the horizon (docs/RULES.md 10.5).
  await deps.policy.checkPeriod(period, 'period', regionCode);
  const book = await deps.policy.loadBook();
  const dueDate = dueDateOf(period, book.require<number>('collection.dueDay', { regionCode, period }).value);
  const cycle = findContributionCycle(book, regionCode, period);
  const bounds = { ...monthBounds(period), cycleStart: cycle.start };
  const runId = await startRun(deps, regionCode, period);
  const result: CollectionRunResult = {
    runId,
    regionCode,
    period,
    payers: 0,
    personMonths: 0,
    bills: 0,
    totalFen: 0,
  };

  // What a (re-)run still has to do: the payers without their regular bill for the month yet.
  const billed = await selectRegularlyBilledPayers(deps.db, regionCode, period);
  const employers = (await selectRegionEmployers(deps.db, regionCode)).filter(
    (employer) => !billed.employerIds.has(employer.id),
  );
  const flexible = (await selectFlexibleMonths(deps.db, regionCode, period)).filter(
    (month) => !billed.personIds.has(month.personId),
  );
  const payersTotal = employers.length + flexible.length;
  const chunkEmployers = input.chunkEmployers ?? 10_000;
  const schedules = new Map<string, ContributionSchedule>();
  const scheduleFor = (category: 'employee' | 'flexible', injuryClass = 1, injuryFloatPpm = 1_000_000) => {
    const key = `${category}|${injuryClass}|${injuryFloatPpm}`;
    let schedule = schedules.get(key);
    if (!schedule) {
      schedule = compileContributionSchedule(book, {
        regionCode,
        period,
        category,
        injuryClass,
        injuryFloatPpm,
      });
      schedules.set(key, schedule);
    }
    return schedule;
  };

  const report = () =>
    input.onProgress?.({
      payersDone: result.payers,
      payersTotal,
      personMonths: result.personMonths,
      bills: result.bills,
      totalFen: result.totalFen,
    });

  for (let start = 0; start < employers.length; start += chunkEmployers) {
    const chunk = employers.slice(start, start + chunkEmployers);
    await deps.db.transaction().execute(async (trx) => {
      const months = await selectEmployeeMonths(
        trx,
        chunk.map((employer) => employer.id),
        bounds,
      );
      // Art. 62: an employer that has not declared the month is estimated instead of assessed.
      const declared = await selectDeclaredEmployerIds(
        trx,
        chunk.map((employer) => employer.id),
        period,
      );
      const drafts = draftEmployerBills(
        chunk.filter((employer) => declared.has(employer.id)),
        months.filter((month) => declared.has(month.employerId)),
        scheduleFor,
      );
      const undeclared = chunk.filter((employer) => !declared.has(employer.id));
      if (undeclared.length > 0) {
        drafts.push(
          ...(await draftEstimateBills(trx, {
            book,
            regionCode,
            period,
            employers: undeclared,
            months,
            scheduleFor,
          })),
        );
      }
      await writeBills(trx, deps.clock, { regionCode, period, dueDate, runId }, drafts, result);
    });
    result.payers += chunk.length;
    report();
  }

  const flexibleSchedule = flexible.length ? scheduleFor('flexible') : undefined;
  for (let start = 0; start < flexible.length; start += chunkEmployers * 20) {
    const chunk = flexible.slice(start, start + chunkEmployers * 20);
    const drafts: DraftBill[] = chunk.map((month) => {
      const amounts = assessPersonMonth(flexibleSchedule!, month.baseFen);
      const totals = emptyTotals();
      addToTotals(totals, amounts);
      return {
        payerKey: `P${month.personId}`,
        employerId: null,
        personId: month.personId,
        totals,
        lines: [{ personId: month.personId, amounts }],
      };
    });
    await deps.db
      .transaction()
      .execute((trx) => writeBills(trx, deps.clock, { regionCode, period, dueDate, runId }, drafts, result));
    result.payers += chunk.length;
    report();
  }

  return result;
}

/** The last step of the month's run: the run is done, and the planner learns the tables' new sizes. */
export async function closeRun(deps: CollectionDeps, result: CollectionRunResult): Promise<void> {
  await markRunDone(deps.db, result.runId, deps.clock.now().toISOString());
  if (result.personMonths > 0) await refreshPlannerStatistics(deps.db);
}

function draftEmployerBills(
  employers: AssessedEmployer[],
  months: { employerId: number; personId: number; declaredFen: number | null }[],
  scheduleFor: (category: 'employee', injuryClass: number, injuryFloatPpm: number) => ContributionSchedule,
): DraftBill[] {
  const byEmployer = new Map<number, DraftBill>();
  const employerById = new Map(employers.map((employer) => [employer.id, employer]));
  for (const month of months) {
    let draft = byEmployer.get(month.employerId);
    const employer = employerById.get(month.employerId)!;
    if (!draft) {
      draft = {
        payerKey: `E${employer.id}`,
        employerId: employer.id,
        personId: null,
        totals: emptyTotals(),
        lines: [],
      };
      byEmployer.set(employer.id, draft);
    }
    // A person without any declared base is assessed at the floor (declared 0 is raised to it).
    const amounts = assessPersonMonthOnce(
      scheduleFor('employee', employer.industryClass, employer.injuryFloatPpm),
      month.declaredFen ?? 0,
    );
    addToTotals(draft.totals, amounts);
    draft.lines.push({ personId: month.personId, amounts });
  }
  return [...byEmployer.values()];
}

async function writeBills(
  trx: Kysely<Database>,
  clock: Clock,
  context: { regionCode: string; period: string; dueDate: string; runId: number },
  drafts: DraftBill[],
  result: CollectionRunResult,
): Promise<void> {
  if (drafts.length === 0) return;
  const recordedAt = clock.now().toISOString();
  // Through bulk inserts: a month has tens of thousands of bills (every flexible worker has one).
  const billIds = await insertBillRows(
    trx,
    drafts.map((draft) => [
      regularBillNo(context.period, draft.payerKey),
      context.regionCode,
      context.period,
      draft.payerKey,
      draft.employerId,
      draft.personId,
      'regular',
      draft.estimate ? 1 : 0,
      context.dueDate,
      draft.totals.employerFen,
      draft.totals.employeeFen,
      draft.totals.totalFen,
      draft.totals.funds.pension,
      draft.totals.funds.medical,
      draft.totals.funds.unemployment,
      draft.totals.funds.work_injury,
      context.runId,
      recordedAt,
    ]),
  );

  const lineRows: (string | number | null)[][] = [];
  const postings: Posting[] = [];
  drafts.forEach((draft, index) => {
    const billId = billIds[index]!;
    for (const line of draft.lines) {
      lineRows.push(toLineRow(billId, line.personId, context.regionCode, context.period, line.amounts));
    }
    postings.push(
      ...postAssessment(
        {
          eventKey: `assess:${regularBillNo(context.period, draft.payerKey)}`,
          businessDate: `${context.period}-01`,
          regionCode: context.regionCode,
        },
        draft.totals.funds,
      ),
    );
    result.personMonths += draft.lines.filter((line) => line.personId !== null).length;
    result.totalFen += draft.totals.totalFen;
  });
  // In person order: the person index then takes the lines in one sweep, not at random places.
  sortRowsByPerson(lineRows);
  await insertLineRows(trx, lineRows);
  await insertEstimateRecords(
    trx,
    drafts.flatMap((draft, index) =>
      draft.estimate ? [{ billId: billIds[index]!, ...draft.estimate }] : [],
    ),
    recordedAt,
  );
  await insertPostings(trx, postings, recordedAt);
  result.bills += drafts.length;
  await addToRunCounts(trx, context.runId, {
    payers: drafts.length,
    bills: drafts.length,
    personMonths: lineRows.filter((row) => row[1] !== null).length,
  });
}

/** Resumes the unfinished run of the month if there is one, so progress is reported against one run. */
async function startRun(deps: CollectionDeps, regionCode: string, period: string): Promise<number> {
  const running = await selectRunningRunId(deps.db, regionCode, period);
  if (running !== undefined) return running;
  return insertRun(deps.db, regionCode, period, deps.clock.now().toISOString());
}
