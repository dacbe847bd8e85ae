import type { BenefitLine, YearToDate } from '@shebao/domain';
import { sql, type Kysely } from 'kysely';
import { prepareQuery } from '../../db/prepared-query.ts';
import type { Database } from '../../db/schema.ts';

/*
 * Each person's running totals of a year (docs/RULES.md 16.3): what their claims used of the deductibles
 * and took from the pool, line by line. The row is the lock of real-time settlement: a batch makes sure the
 * rows of its persons exist and locks them in person order, in one upsert (on PostgreSQL its update takes
 * the row lock as FOR UPDATE would, so two servers settling claims of one person take turns; SQLite has one
 * writer at a time), and writes them back once, in one statement.
 */

type Db = Kysely<Database>;

export interface PersonYear {
  personId: number;
  year: number;
}

export interface YearTotals extends PersonYear {
  totals: YearToDate;
  claims: number;
}

const key = (personId: number, year: number) => `${personId}|${year}`;
export const personYearKey = key;

/** The totals as stored: each line's deductible used and pooled paid, and the number of claims. */
const TOTALS = [
  'deductible_outpatient_fen',
  'deductible_inpatient_fen',
  'deductible_chronic_fen',
  'pooled_outpatient_fen',
  'pooled_inpatient_fen',
  'pooled_chronic_fen',
  'claims',
] as const;
type TotalsRow = { person_id: number | string; year: number } & Record<
  (typeof TOTALS)[number],
  number | string
>;
const totalsColumns = sql.join(TOTALS.map((name) => sql.ref(name)));

/** `values` in groups of `size`, each a row of a VALUES list. */
const rowsOf = (values: readonly number[], size: number) =>
  sql.join(
    Array.from(
      { length: values.length / size },
      (_, row) => sql`(${sql.join(values.slice(row * size, (row + 1) * size))})`,
    ),
  );

// One statement makes the missing rows and locks them all: an upsert whose update changes nothing takes
// the row's lock on PostgreSQL (as FOR UPDATE would) and returns the row as it stands.
const lockRows = prepareQuery(
  (_dialect, pairs: readonly number[]) => sql<TotalsRow>`
    insert into medical_year_totals (person_id, year) values ${rowsOf(pairs, 2)}
    on conflict (person_id, year) do update set claims = medical_year_totals.claims
    returning person_id, year, ${totalsColumns}`,
);

/**
 * Makes sure every person-year has its row and reads them locked, in person order (the order in which
 * concurrent batches take the locks, so that they never wait on each other in a circle).
 */
export async function lockYearTotals(
  db: Db,
  personYears: readonly PersonYear[],
): Promise<Map<string, YearTotals>> {
  const unique = [...new Map(personYears.map((row) => [key(row.personId, row.year), row])).values()].sort(
    (a, b) => a.personId - b.personId || a.year - b.year,
  );
  const result = new Map<string, YearTotals>();
  if (unique.length === 0) return result;
  const pairs: number[] = [];
  for (const row of unique) pairs.push(row.personId, row.year);
  const rows = await lockRows(db, pairs);
  for (const row of rows) {
    result.set(key(Number(row.person_id), Number(row.year)), {
      personId: Number(row.person_id),
      year: Number(row.year),
      claims: Number(row.claims),
      totals: {
        deductibleUsedFen: {
          outpatient: Number(row.deductible_outpatient_fen),
          inpatient: Number(row.deductible_inpatient_fen),
          chronic: Number(row.deductible_chronic_fen),
        },
        pooledFen: {
          outpatient: Number(row.pooled_outpatient_fen),
          inpatient: Number(row.pooled_inpatient_fen),
          chronic: Number(row.pooled_chronic_fen),
        },
      },
    });
  }
  return result;
}

const column = (kind: 'deductible' | 'pooled', line: BenefitLine) => `${kind}_${line}_fen` as const;

// Every row exists and is locked (lockYearTotals): the conflict is certain, the update is the write.
const writeRows = prepareQuery(
  (_dialect, values: readonly number[]) => sql`
    insert into medical_year_totals (person_id, year, ${totalsColumns}) values ${rowsOf(values, 2 + TOTALS.length)}
    on conflict (person_id, year) do update set ${sql.join(
      TOTALS.map((name) => sql`${sql.ref(name)} = excluded.${sql.ref(name)}`),
    )}`,
);

/** Writes the locked rows back as the batch left them, in one statement. */
export async function writeYearTotals(db: Db, rows: readonly YearTotals[]): Promise<void> {
  if (rows.length === 0) return;
  const values: number[] = [];
  for (const row of rows) {
    const { deductibleUsedFen: deductible, pooledFen: pooled } = row.totals;
    values.push(
      row.personId,
      row.year,
      deductible.outpatient,
      deductible.inpatient,
      deductible.chronic,
      pooled.outpatient,
      pooled.inpatient,
      pooled.chronic,
      row.claims,
    );
  }
  await writeRows(db, values);
}

/** A person's totals of a year, unlocked, for reading. */
export function selectYearTotals(db: Db, personId: number, year: number) {
  return db
    .selectFrom('medical_year_totals')
    .selectAll()
    .where('person_id', '=', personId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/**
 * Every person-year whose totals differ from the sum of its claims still standing: the benchmark's and
 * the verification's check that no total drifted from the claims it sums.
 */
export async function selectYearTotalsDrift(db: Db): Promise<PersonYear[]> {
  const part = (kind: 'deductible' | 'pooled', line: BenefitLine) =>
    sql`sum(case when c.line = ${line} then c.${sql.ref(`${kind}_fen`)} else 0 end)`;
  const differs = (kind: 'deductible' | 'pooled', line: BenefitLine) =>
    sql`t.${sql.ref(column(kind, line))} <> coalesce(s.${sql.ref(`${kind}_${line}`)}, 0)`;
  const checks = LINES.flatMap((line) => [differs('deductible', line), differs('pooled', line)]);
  const { rows } = await sql<{ person_id: number; year: number }>`
    select t.person_id, t.year
    from medical_year_totals t
    left join (
      select c.person_id, cast(substr(c.visit_date, 1, 4) as integer) as year,
        ${sql.join(LINES.flatMap((line) => [sql`${part('deductible', line)} as ${sql.ref(`deductible_${line}`)}`, sql`${part('pooled', line)} as ${sql.ref(`pooled_${line}`)}`]))}
      from medical_claims c
      where not exists (select 1 from medical_claim_cancellations x where x.claim_id = c.id)
      group by c.person_id, cast(substr(c.visit_date, 1, 4) as integer)
    ) s on s.person_id = t.person_id and s.year = t.year
    where ${sql.join(checks, sql` or `)}`.execute(db);
  return rows.map((row) => ({ personId: Number(row.person_id), year: Number(row.year) }));
}

const LINES: readonly BenefitLine[] = ['outpatient', 'inpatient', 'chronic'];
