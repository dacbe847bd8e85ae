import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, PayrollLineState } from '../../db/index.ts';
import { dialectOf } from '../../db/dialect-of.ts';
import { startsWith } from '../../db/prefix-range.ts';

type Db = Kysely<Database>;

export interface MonthChunk {
  runId: number;
  period: string;
  /** year × 12 + month − 1 of the period. */
  periodIndex: number;
  regionPrefix: string;
  /** Roll ids after `afterId` up to `throughId`. */
  afterId: number;
  throughId: number;
  /** The run's bank files, by fund and paying bank (`fileKey`). */
  files: ReadonlyMap<string, number>;
}

/** The key of a run's bank file: one file per fund and paying bank. */
export function fileKey(fund: string, bankCode: string): string {
  return `${fund}/${bankCode}`;
}

/**
 * `case <fund> when 'pension' then case <bank> when 'ICBC' then 12 ... end ... end`: a line's bank file from
 * the fund that pays it and its payee's bank, in the statement.
 */
function fileCase(
  fundColumn: string,
  bankColumn: string,
  files: ReadonlyMap<string, number>,
): RawBuilder<number> {
  if (files.size === 0) throw new Error('a payroll run has a bank file per fund and paying bank');
  const byFund = new Map<string, [string, number][]>();
  for (const [key, id] of files) {
    const [fund, bank] = key.split('/') as [string, string];
    byFund.set(fund, [...(byFund.get(fund) ?? []), [bank, id]]);
  }
  const bankCase = (banks: [string, number][]) =>
    sql`case ${sql.ref(bankColumn)} ${sql.join(
      banks.map(([bank, id]) => sql`when ${bank} then ${sql.lit(id)}`),
      sql` `,
    )} end`;
  return sql<number>`case ${sql.ref(fundColumn)} ${sql.join(
    [...byFund].map(([fund, banks]) => sql`when ${fund} then ${bankCase(banks)}`),
    sql` `,
  )} end`;
}

/**
 * One chunk of the month's lines in one INSERT ... SELECT over the roll (docs/RULES.md 14.14): every award
 * in payment that has begun and not stopped gets its line. The month is owed the amount of the version in
 * force (the latest from its month, the one before it for earlier months); it is withheld when survival is
 * not verified through the month; otherwise the personal account pays min(account part, what is left after
 * the months before, the month's amount) and the pooling fund the rest (docs/RULES.md 14.15). Nothing
 * leaves the database. Returns the number of lines written.
 */
export async function insertMonthLines(db: Db, chunk: MonthChunk): Promise<number> {
  const postgres = dialectOf(db) === 'postgres';
  const least = postgres ? sql.raw('least') : sql.raw('min');
  const greatest = postgres ? sql.raw('greatest') : sql.raw('max');
  const due = sql<number>`case when r.monthly_from <= ${chunk.period} then r.monthly_fen else r.prior_monthly_fen end`;
  const monthsBefore = sql<number>`(${chunk.periodIndex} - r.first_month_index)`;
  const account = sql<number>`${least}(r.account_part_fen, ${greatest}(0, r.account_balance_fen - ${monthsBefore} * r.account_part_fen), ${due})`;
  const withheld = sql`r.verified_through < ${chunk.period}`;
  const result = await sql`
    insert into payroll_lines (run_id, roll_id, period, kind, due_fen, pooled_fen, account_fen, recovered_fen, state, bank_file_id)
    select ${chunk.runId}, r.id, ${chunk.period}, 'month', ${due},
      case when ${withheld} then 0 else ${due} - ${account} end,
      case when ${withheld} then 0 else ${account} end,
      0,
      case when ${withheld} then 'withheld' else 'owed' end,
      case when ${withheld} then null else ${fileCase('r.fund', 'r.bank_code', chunk.files)} end
    from benefit_roll r
    where r.id > ${chunk.afterId} and r.id <= ${chunk.throughId}
      and ${startsWith(db, 'r.region_code', chunk.regionPrefix)}
      and r.first_period <= ${chunk.period}
      and (r.back_pay_from is null or r.back_pay_from <= ${chunk.period})
      and (r.stopped_after is null or r.stopped_after >= ${chunk.period})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export interface LineTotals {
  pooledFen: number;
  accountFen: number;
  recoveredFen: number;
  paid: number;
  withheld: number;
}

/** What lines pay, by the bank file that pays them (null: withheld, nothing paid). */
export type TotalsByFile = Map<number | null, LineTotals>;

function totalsByFile(rows: readonly Record<string, number | string | null>[]): TotalsByFile {
  return new Map(
    rows.map((row) => [
      row.file === null ? null : Number(row.file),
      {
        pooledFen: Number(row.pooled),
        accountFen: Number(row.account),
        recoveredFen: Number(row.recovered),
        paid: Number(row.paid),
        withheld: Number(row.withheld),
      },
    ]),
  );
}

/**
 * What a chunk's lines pay, by bank file (each file is one fund's), from the lines as written: the postings
 * are made from these, not from a tally.
 */
export async function selectChunkTotals(
  db: Db,
  runId: number,
  afterRollId: number,
  throughRollId: number,
  period: string,
): Promise<TotalsByFile> {
  const result = await sql<Record<string, number | string | null>>`
    select bank_file_id as file, coalesce(sum(pooled_fen), 0) as pooled, coalesce(sum(account_fen), 0) as account,
      coalesce(sum(recovered_fen), 0) as recovered,
      coalesce(sum(case when state = 'owed' then 1 else 0 end), 0) as paid,
      coalesce(sum(case when state = 'withheld' then 1 else 0 end), 0) as withheld
    from payroll_lines
    where roll_id > ${afterRollId} and roll_id <= ${throughRollId} and period = ${period} and run_id = ${runId}
    group by bank_file_id`.execute(db);
  return totalsByFile(result.rows);
}

/**
 * The owed lines of a chunk whose awards have arrears or recoveries waiting (few; settled one by one),
 * found from the waiting items (their index by award), each line by its award and month.
 */
export function selectLinesWithAdjustments(
  db: Db,
  chunk: { runId: number; period: string; afterId: number; throughId: number },
) {
  return db
    .selectFrom('payment_adjustments as a')
    .innerJoin('payroll_lines as l', (join) =>
      join.onRef('l.roll_id', '=', 'a.roll_id').on('l.period', '=', chunk.period),
    )
    .select([
      'l.id as line_id',
      'l.roll_id',
      'l.period',
      'l.pooled_fen as line_pooled_fen',
      'l.account_fen as line_account_fen',
      'a.id as adjustment_id',
      'a.pooled_fen',
      'a.account_fen',
      'a.for_period',
    ])
    .where('a.roll_id', '>', chunk.afterId)
    .where('a.roll_id', '<=', chunk.throughId)
    .where('a.settled_line_id', 'is', null)
    .where('l.run_id', '=', chunk.runId)
    .where('l.state', '=', 'owed')
    .orderBy('l.id')
    .orderBy('a.id')
    .execute();
}

export async function updateLineAmounts(
  db: Db,
  lineId: number,
  amounts: { pooled_fen: number; account_fen: number },
): Promise<void> {
  await db.updateTable('payroll_lines').set(amounts).where('id', '=', lineId).execute();
}

export async function updateLineState(
  db: Db,
  lineIds: readonly number[],
  state: PayrollLineState,
  from: readonly PayrollLineState[],
): Promise<number> {
  if (lineIds.length === 0) return 0;
  const result = await db
    .updateTable('payroll_lines')
    .set({ state })
    .where('id', 'in', [...lineIds])
    .where('state', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Lines for the region's one-time payments not paid yet, in one INSERT ... SELECT, each with its bank's
 * file of this run. Returns the number written.
 */
export async function insertOneTimeLines(
  db: Db,
  input: { runId: number; period: string; regionPrefix: string; files: ReadonlyMap<string, number> },
): Promise<number> {
  const result = await sql`
    insert into payroll_lines (run_id, one_time_id, period, kind, due_fen, pooled_fen, account_fen, recovered_fen, state, bank_file_id)
    select ${input.runId}, o.id, ${input.period}, 'one-time', o.pooled_fen + o.account_fen, o.pooled_fen,
      o.account_fen, o.recovered_fen, 'owed', ${fileCase('o.fund', 'o.bank_code', input.files)}
    from one_time_payments o
    where ${startsWith(db, 'o.region_code', input.regionPrefix)}
      and not exists (select 1 from payroll_lines l where l.one_time_id = o.id)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** What the run's one-time lines pay, by bank file. */
export async function selectOneTimeTotals(db: Db, runId: number): Promise<TotalsByFile> {
  const result = await sql<Record<string, number | string | null>>`
    select bank_file_id as file, coalesce(sum(pooled_fen), 0) as pooled, coalesce(sum(account_fen), 0) as account,
      coalesce(sum(recovered_fen), 0) as recovered, count(*) as paid, 0 as withheld
    from payroll_lines where run_id = ${runId} and kind = 'one-time'
    group by bank_file_id`.execute(db);
  return totalsByFile(result.rows);
}

/** Months owed but withheld (survival not verified through them), written as withheld lines of this run. */
export async function insertWithheldLines(
  db: Db,
  runId: number,
  months: readonly { rollId: number; period: string; dueFen: number }[],
): Promise<void> {
  for (let start = 0; start < months.length; start += 500)
    await db
      .insertInto('payroll_lines')
      .values(
        months.slice(start, start + 500).map((month) => ({
          run_id: runId,
          roll_id: month.rollId,
          period: month.period,
          kind: 'month' as const,
          due_fen: month.dueFen,
          pooled_fen: 0,
          account_fen: 0,
          state: 'withheld' as const,
          bank_file_id: null,
        })),
      )
      .execute();
}
