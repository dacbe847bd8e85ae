import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  addMonths,
  assessPersonMonth,
  compileContributionSchedule,
  findContributionCycle,
  type ContributionSchedule,
  type PersonMonthAmounts,
  type PolicyBook,
} from '@shebao/domain';
import { fixedClock } from '../src/app/clock.ts';
import { migrateToLatest, openDatabase, type Database } from '../src/db/index.ts';
import {
  createPersonYearSummaryTriggers,
  dropPersonYearSummaryTriggers,
  rebuildPersonYearSummaries,
} from '../src/db/migrations/person-year-summaries.ts';
import { ShebaoSqliteAdapter } from '../src/db/sqlite-dialect.ts';
import {
  addToTotals,
  dueDateOf,
  emptyTotals,
  insertBillRows,
  insertLineRows,
  refreshPaidAmounts,
  regularBillNo,
  toLineRow,
} from '../src/modules/collection/index.ts';
import { creditYearInterest, insertAccountEntriesForBills } from '../src/modules/accounts/index.ts';
import { insertAllocationRows, insertPaymentRows } from '../src/modules/payments/index.ts';
import { createPolicyService } from '../src/modules/policy/index.ts';
import { seedRegionsIfEmpty } from '../src/modules/regions/index.ts';
import type { Kysely } from 'kysely';
import { insertSyntheticRegion } from './bench-synthetic-region.ts';

/**
 * The inquiry benchmark's data: a synthetic Beijing (bench-synthetic-region.ts) with ten years of monthly
 * history, 2016-01 to 2025-12, written straight into the tables month by month in the shape the real
 * monthly run and the payments write them: per month a collection run, a regular bill per payer (each
 * employer, each flexible worker) with one contribution line per person, one bank payment per bill paid in
 * full with its allocation (so every month reads as paid), a personal-account credit per line; and each
 * December a pension-interest entry per person at the national crediting rate. Amounts come from the
 * domain calculator (assessPersonMonth over compiled schedules); the rows go in through the writers the
 * month run and the payments use, the personal-account credits and the December interest as the payments
 * and creditYearInterest make them.
 *
 * Not written: the fund ledger's journal (the rights record does not read it; verifyLedger would not
 * balance on this database). Months before 2021-07, where the seeded Beijing policy has no base band yet,
 * are assessed with the 2021-07 schedule; declared wages fall back 5% a contribution year into the past.
 */

export const HISTORY_FIRST_PERIOD = '2016-01';
export const HISTORY_YEARS = 10;
export const HISTORY_REGION = '110000';
/** Bump when the shape of the generated data changes: cached databases with another version are rebuilt. */
export const HISTORY_VERSION = 7;

/** The first month the seeded policy book can assess in Beijing; earlier months borrow its schedule. */
const EARLIEST_SCHEDULE_PERIOD = '2021-07';
const WAGE_GROWTH_PPM = 1_050_000;
/** Employers per transaction in the real run (runCollection's default chunk). */
const RUN_CHUNK_EMPLOYERS = 2000;

type Row = (string | number | null)[];

type Db = Kysely<Database>;

export interface InquiryHistorySpec {
  persons: number;
  seed: number;
}

export interface InquiryHistory {
  persons: number;
  employers: number;
  flexible: number;
  months: number;
  bills: number;
  lines: number;
  accountEntries: number;
  seconds: number;
}

/**
 * Builds the database into `file` (through a temporary file renamed at the end, so an interrupted build
 * leaves no half-built cache behind).
 */
export async function buildInquiryDatabase(file: string, spec: InquiryHistorySpec): Promise<InquiryHistory> {
  const started = performance.now();
  mkdirSync(dirname(file), { recursive: true });
  const building = `${file}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  const handle = openDatabase(`sqlite:${building}`);
  let result: Omit<InquiryHistory, 'seconds'>;
  try {
    await migrateToLatest(handle.db);
    result = await writeHistory(handle.db, spec);
  } finally {
    await handle.close();
  }
  renameSync(building, file);
  for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

async function writeHistory(db: Db, spec: InquiryHistorySpec): Promise<Omit<InquiryHistory, 'seconds'>> {
  const sqlite = sqliteOf(db);
  const lastPeriod = addMonths(HISTORY_FIRST_PERIOD, HISTORY_YEARS * 12 - 1);
  const clock = fixedClock(`${addMonths(lastPeriod, 1)}-20T02:00:00.000Z`);
  await seedRegionsIfEmpty(db);
  const policy = createPolicyService(db, clock);
  await policy.seedIfEmpty();
  const book = await policy.loadBook();
  const averageWageFen = book.require<number>('base.averageWage', {
    regionCode: HISTORY_REGION,
    period: lastPeriod,
  }).value;
  const lastCycle = findContributionCycle(book, HISTORY_REGION, lastPeriod).start;
  const region = await insertSyntheticRegion(db, {
    regionCode: HISTORY_REGION,
    period: lastPeriod,
    cycleStart: lastCycle,
    persons: spec.persons,
    flexiblePpm: 30_000,
    layout: 'scattered',
    averageWageFen,
    recordedAt: `${HISTORY_FIRST_PERIOD}-05T01:00:00.000Z`,
    seed: spec.seed,
  });

  // Everyone has been insured since before the history starts.
  sqlite.exec(`
    update employments set hired_on = '2015-12-01', registered_on = '2015-12-01' where hired_on > '2015-12-01';
    update flexible_enrolments set start_period = '${HISTORY_FIRST_PERIOD}', enrolled_on = '${HISTORY_FIRST_PERIOD}-01';
  `);
  const employers = sqlite
    .prepare('select id, name, industry_class, injury_float_ppm from employers order by id')
    .all() as { id: number; name: string; industry_class: number; injury_float_ppm: number }[];
  const staffRows = sqlite
    .prepare(
      `select e.person_id, e.employer_id, b.declared_fen from employments e
       join contribution_bases b on b.person_id = e.person_id and b.employer_id = e.employer_id
       order by e.employer_id, e.person_id`,
    )
    .all() as { person_id: number; employer_id: number; declared_fen: number }[];
  const flexibleRows = sqlite
    .prepare('select person_id, base_fen from flexible_enrolments order by person_id')
    .all() as { person_id: number; base_fen: number }[];

  // Loading: no journal and no sync (a failed build is thrown away), and the secondary indexes of the
  // history tables are dropped and built again at the end, which is several times faster than keeping
  // them up to date row by row. The tables' rows go in month by month, in the real run's order.
  sqlite.pragma('journal_mode = OFF');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('cache_size = -262144');
  const indexes = sqlite
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in
       ('bills', 'contribution_lines', 'payments', 'payment_allocations', 'personal_account_entries')`,
    )
    .all() as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`drop index "${index.name}"`);
  // Likewise the trigger that keeps person_year_summaries: the table is computed once at the end.
  await dropPersonYearSummaryTriggers(db);

  const schedules = new ScheduleCache(book);
  const dueDay = (period: string) =>
    book.require<number>('collection.dueDay', { regionCode: HISTORY_REGION, period }).value;

  const maxPersonId = spec.persons + 1;
  // Per person: the amounts of the last month and what they were computed from, reused while neither the
  // schedule nor the base changes (a base changes once a contribution year).
  const lastAmounts: (PersonMonthAmounts | undefined)[] = new Array(maxPersonId);
  const lastKey: (ContributionSchedule | undefined)[] = new Array(maxPersonId);
  const lastBase = new Float64Array(maxPersonId);
  const assess = (personId: number, schedule: ContributionSchedule, baseFen: number) => {
    if (lastKey[personId] === schedule && lastBase[personId] === baseFen) return lastAmounts[personId]!;
    const amounts = assessPersonMonth(schedule, baseFen);
    lastKey[personId] = schedule;
    lastBase[personId] = baseFen;
    lastAmounts[personId] = amounts;
    return amounts;
  };

  const staffByEmployer = new Map<number, { personId: number; declaredFen: number }[]>();
  for (const row of staffRows) {
    let staff = staffByEmployer.get(row.employer_id);
    if (!staff) staffByEmployer.set(row.employer_id, (staff = []));
    staff.push({ personId: row.person_id, declaredFen: row.declared_fen });
  }
  const employerChunks: (typeof employers)[] = [];
  for (let start = 0; start < employers.length; start += RUN_CHUNK_EMPLOYERS)
    employerChunks.push(employers.slice(start, start + RUN_CHUNK_EMPLOYERS));

  const allBillIds: number[] = [];
  let paymentCount = 0;
  let lineCount = 0;
  for (let month = 0; month < HISTORY_YEARS * 12; month += 1) {
    const period = addMonths(HISTORY_FIRST_PERIOD, month);
    const next = addMonths(period, 1);
    const cycleYear = Number(findContributionCycle(book, HISTORY_REGION, period).start.slice(0, 4));
    const wageScale = (WAGE_GROWTH_PPM / 1_000_000) ** (cycleYear - Number(lastCycle.slice(0, 4)));
    const baseOf = (declaredFen: number) => Math.round((declaredFen * wageScale) / 100) * 100;
    const dueDate = dueDateOf(period, dueDay(period));
    const assessedAt = `${next}-01T02:00:00.000Z`;
    const paidOn = `${next}-10`;
    const paidAt = `${next}-10T08:00:00.000Z`;
    const runId = month + 1;

    const bills: Row[] = [];
    const lines: Row[] = [];
    const payments: Row[] = [];
    const allocations: Row[] = [];
    const addBill = (
      payerKey: string,
      employerId: number | null,
      personId: number | null,
      members: { personId: number; amounts: PersonMonthAmounts }[],
    ) => {
      // Rows refer to the month's bills and payments by their place in the month's lists; the writers
      // answer the ids, which replace the places before the lines and allocations are written.
      const place = bills.length;
      paymentCount += 1;
      const totals = emptyTotals();
      for (const member of members) {
        addToTotals(totals, member.amounts);
        lines.push(toLineRow(place, member.personId, HISTORY_REGION, period, member.amounts));
      }
      const { pension, medical, unemployment, work_injury } = totals.funds;
      const billNo = regularBillNo(period, payerKey);
      bills.push([
        billNo,
        HISTORY_REGION,
        period,
        payerKey,
        employerId,
        personId,
        'regular',
        0,
        dueDate,
        totals.employerFen,
        totals.employeeFen,
        totals.totalFen,
        pension,
        medical,
        unemployment,
        work_injury,
        runId,
        assessedAt,
      ]);
      payments.push([
        `PAY${paidOn.replace(/-/g, '')}${paymentCount.toString(16).toUpperCase().padStart(10, '0')}`,
        `BK${billNo}`,
        payerKey,
        totals.totalFen,
        0,
        paidOn,
        'bank',
        paidAt,
      ]);
      allocations.push([place, place, totals.totalFen, pension, medical, unemployment, work_injury, paidAt]);
    };

    // Employers in chunks as runCollection takes them; each chunk's lines in person order.
    for (const chunk of employerChunks) {
      const firstLine = lines.length;
      for (const employer of chunk) {
        const staff = staffByEmployer.get(employer.id);
        if (!staff) continue;
        const schedule = schedules.get(
          period,
          'employee',
          employer.industry_class,
          employer.injury_float_ppm,
        );
        addBill(
          `E${employer.id}`,
          employer.id,
          null,
          staff.map((member) => ({
            personId: member.personId,
            amounts: assess(member.personId, schedule, baseOf(member.declaredFen)),
          })),
        );
      }
      sortByPerson(lines, firstLine);
    }
    const flexibleSchedule = schedules.get(period, 'flexible', 1, 1_000_000);
    for (const row of flexibleRows) {
      addBill(`P${row.person_id}`, null, row.person_id, [
        { personId: row.person_id, amounts: assess(row.person_id, flexibleSchedule, baseOf(row.base_fen)) },
      ]);
    }

    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('collection_runs')
        .values({
          id: runId,
          region_code: HISTORY_REGION,
          period,
          status: 'done',
          payers: bills.length,
          person_months: lines.length,
          bills: bills.length,
          started_at: assessedAt,
          finished_at: assessedAt,
        })
        .execute();
      // The writers the month run and the payments use (issue 14, item 5), and the crediting of the
      // personal accounts a payment in full makes.
      const billIds = await insertBillRows(trx, bills);
      for (const line of lines) line[0] = billIds[line[0] as number]!;
      await insertLineRows(trx, lines);
      const paymentIds = await insertPaymentRows(trx, payments);
      for (const allocation of allocations) {
        allocation[0] = paymentIds[allocation[0] as number]!;
        allocation[1] = billIds[allocation[1] as number]!;
      }
      await insertAllocationRows(trx, allocations);
      await insertAccountEntriesForBills(trx, billIds, 'contribution');
      for (const id of billIds) allBillIds.push(id);
    });
    // December's interest, as the agency credits it once the year's rate is out.
    if (period.endsWith('-12')) {
      await creditYearInterest(
        { db, clock: fixedClock(`${addMonths(period, 7)}-01T02:00:00.000Z`), policy },
        { year: Number(period.slice(0, 4)), regionCode: HISTORY_REGION },
      );
    }
    lineCount += lines.length;
  }

  for (const index of indexes) sqlite.exec(index.sql);
  // What every bill has been paid, as the payments keep it, once the allocations' indexes are back.
  await refreshPaidAmounts(db, allBillIds);
  const entryCount = Number(
    (
      await db
        .selectFrom('personal_account_entries')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await rebuildPersonYearSummaries(db);
  await createPersonYearSummaryTriggers(db);
  sqlite.exec('analyze');
  sqlite.pragma('journal_mode = WAL');
  return {
    persons: spec.persons,
    employers: region.employers,
    flexible: region.flexible,
    months: HISTORY_YEARS * 12,
    bills: allBillIds.length,
    lines: lineCount,
    accountEntries: entryCount,
  };
}

/** Compiled schedules by month and payer kind; months with the same rules share one schedule object. */
class ScheduleCache {
  private readonly byKey = new Map<string, ContributionSchedule>();
  private readonly byContent = new Map<string, ContributionSchedule>();
  constructor(private readonly book: PolicyBook) {}

  get(
    period: string,
    category: 'employee' | 'flexible',
    injuryClass: number,
    injuryFloatPpm: number,
  ): ContributionSchedule {
    const key = `${period}|${category}|${injuryClass}|${injuryFloatPpm}`;
    let schedule = this.byKey.get(key);
    if (!schedule) {
      const input = {
        regionCode: HISTORY_REGION,
        period: period < EARLIEST_SCHEDULE_PERIOD ? EARLIEST_SCHEDULE_PERIOD : period,
        category,
        injuryClass,
        injuryFloatPpm,
      };
      const compiled = compileContributionSchedule(this.book, input);
      const content = JSON.stringify({ ...compiled, period: undefined, notes: undefined });
      schedule = this.byContent.get(content) ?? compiled;
      this.byContent.set(content, schedule);
      this.byKey.set(key, schedule);
    }
    return schedule;
  }
}

function sortByPerson(rows: Row[], from: number): void {
  const tail = rows.splice(from).sort((a, b) => (a[1] as number) - (b[1] as number));
  for (const row of tail) rows.push(row);
}

function sqliteOf(db: Db) {
  const adapter = db.getExecutor().adapter;
  if (!(adapter instanceof ShebaoSqliteAdapter)) throw new Error('the inquiry benchmark runs on SQLite');
  return adapter.database;
}
