import { AMOUNT_COLUMNS, amountColumnsOfInsurance, RECORD_INSURANCES } from '@shebao/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from '../dialect-of.ts';

/**
 * person_year_summaries (migration 0012) is derived from contribution_lines, which is append-only. A
 * trigger keeps it: after lines are inserted, the month bits of every (person, month) they touch are
 * recomputed from all of that person's lines of the month (so a month counts once, and an adjustment that
 * nets a month to zero clears its bit). SQLite runs a row trigger per inserted line; PostgreSQL one
 * statement trigger per insert over its transition table. `rebuildPersonYearSummaries` computes the whole
 * table from scratch, for the migration, for bulk loaders that drop the trigger while loading, and as the
 * reference the tests and `shebao db check-summaries` compare the kept table with.
 *
 * The personal-account movements are not kept here: a payment batch credits persons all over the region,
 * and keeping a row per person and year in step rewrote most of the table's pages at every commit (11 s
 * more per million person-months paid, docs/BENCHMARKS.md); the record reads them from the entries' own
 * covering person index instead.
 */

/**
 * Per insurance (the order of the record's year tuples), the month's net amount, and the month's total:
 * sums of the line's amount columns (INSURANCE_COLUMNS).
 */
const sumOf = (columns: readonly { column: string }[]) =>
  sql`sum(${sql.join(
    columns.map(({ column }) => sql.ref(`l.${column}`)),
    sql` + `,
  )})`;
const MONTH_SUMS = {
  ...Object.fromEntries(
    RECORD_INSURANCES.map((insurance) => [insurance, sumOf(amountColumnsOfInsurance(insurance))]),
  ),
  contributed: sumOf(AMOUNT_COLUMNS),
} as Record<(typeof RECORD_INSURANCES)[number] | 'contributed', RawBuilder<unknown>>;
export const PERSON_YEAR_MASKS = Object.keys(MONTH_SUMS).map((name) => `${name}_months`);
const MASKS = PERSON_YEAR_MASKS;

const yearOf = (period: RawBuilder<unknown>) => sql`cast(substr(${period}, 1, 4) as integer)`;
const monthBitOf = (period: RawBuilder<unknown>) =>
  sql`(1 << (cast(substr(${period}, 6, 2) as integer) - 1))`;

/** Per person and year, recomputed from scratch from the lines: the month masks. */
export function computePersonYearSummaries(): RawBuilder<unknown> {
  const period = sql.ref('m.period');
  return sql`
    select m.person_id, ${yearOf(period)} as year,
      ${sql.join(
        Object.keys(MONTH_SUMS).map(
          (name) =>
            sql`sum(case when ${sql.ref(name)} > 0 then ${monthBitOf(period)} else 0 end) as ${sql.ref(`${name}_months`)}`,
        ),
      )}
    from (
      select l.person_id, l.period,
        ${sql.join(Object.entries(MONTH_SUMS).map(([name, sum]) => sql`${sum} as ${sql.ref(name)}`))}
      from contribution_lines l
      where l.person_id is not null
      group by l.person_id, l.period
    ) m
    group by m.person_id, ${yearOf(period)}`;
}

const ALL_COLUMNS = ['person_id', 'year', ...MASKS];

export async function rebuildPersonYearSummaries<DB>(db: Kysely<DB>): Promise<void> {
  await sql`delete from person_year_summaries`.execute(db);
  await sql`insert into person_year_summaries (${sql.join(ALL_COLUMNS.map((column) => sql.ref(column)))})
    ${computePersonYearSummaries()}`.execute(db);
}

export async function createPersonYearSummaryTriggers<DB>(db: Kysely<DB>): Promise<void> {
  if (dialectOf(db) === 'postgres') return createPostgresTriggers(db);
  const period = sql.ref('new.period');
  const bit = monthBitOf(period);
  await sql`create trigger person_year_summaries_from_lines after insert on contribution_lines
    when new.person_id is not null
    begin
      insert into person_year_summaries (person_id, year, ${sql.join(MASKS.map((mask) => sql.ref(mask)))})
      select new.person_id, ${yearOf(period)},
        ${sql.join(Object.values(MONTH_SUMS).map((sum) => sql`case when ${sum} > 0 then ${bit} else 0 end`))}
      from contribution_lines l
      where l.person_id = new.person_id and l.period = new.period
      on conflict (person_id, year) do update set
        ${sql.join(
          MASKS.map(
            (mask) => sql`${sql.ref(mask)} = (${sql.ref(mask)} & ~${bit}) | ${sql.ref(`excluded.${mask}`)}`,
          ),
        )};
    end`.execute(db);
}

async function createPostgresTriggers<DB>(db: Kysely<DB>): Promise<void> {
  const period = sql.ref('m.period');
  // The masks of every (person, year) the statement touched: which month bits it recomputed (touched) and
  // which of those are now positive; the stored mask keeps its other months.
  await sql`create function person_year_summaries_from_lines() returns trigger language plpgsql as $$
    begin
      with months as (
        select l.person_id, l.period,
          ${sql.join(Object.entries(MONTH_SUMS).map(([name, sum]) => sql`${sum} as ${sql.ref(name)}`))}
        from contribution_lines l
        join (select distinct person_id, period from new_lines where person_id is not null) t
          on t.person_id = l.person_id and t.period = l.period
        group by l.person_id, l.period
      ), years as (
        select m.person_id, ${yearOf(period)} as year, bit_or(${monthBitOf(period)}) as touched,
          ${sql.join(
            Object.keys(MONTH_SUMS).map(
              (name) =>
                sql`bit_or(case when ${sql.ref(name)} > 0 then ${monthBitOf(period)} else 0 end) as ${sql.ref(`${name}_months`)}`,
            ),
          )}
        from months m
        group by m.person_id, ${yearOf(period)}
      )
      insert into person_year_summaries as s (person_id, year, ${sql.join(MASKS.map((mask) => sql.ref(mask)))})
      select person_id, year, ${sql.join(MASKS.map((mask) => sql.ref(mask)))} from years
      on conflict (person_id, year) do update set
        ${sql.join(
          MASKS.map(
            (mask) =>
              sql`${sql.ref(mask)} = (${sql.ref(`s.${mask}`)} & ~(select y.touched from years y
                where y.person_id = excluded.person_id and y.year = excluded.year)) | ${sql.ref(`excluded.${mask}`)}`,
          ),
        )};
      return null;
    end $$`.execute(db);
  await sql`create trigger person_year_summaries_from_lines after insert on contribution_lines
    referencing new table as new_lines for each statement
    execute function person_year_summaries_from_lines()`.execute(db);
}

export async function dropPersonYearSummaryTriggers<DB>(db: Kysely<DB>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  for (const [name, table] of [['person_year_summaries_from_lines', 'contribution_lines']] as const) {
    if (postgres) {
      await sql`drop trigger if exists ${sql.id(name)} on ${sql.table(table)}`.execute(db);
      await sql`drop function if exists ${sql.id(name)}()`.execute(db);
    } else {
      await sql`drop trigger if exists ${sql.id(name)}`.execute(db);
    }
  }
}
