import type { BenefitLine, YearToDate } from '@shebao/domain';
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../../db/dialect-of.ts';
import type { Database } from '../../db/schema.ts';

/*
 * Each person's running totals of a year (docs/RULES.md 16.3): what their claims used of the deductibles
 * and took from the pool, line by line. The row is the lock of real-time settlement: a batch makes sure the
 * rows of its persons exist, then locks them in person order (PostgreSQL: FOR UPDATE, so two servers
 * settling claims of one person take turns; SQLite has one writer at a time), and writes them back once.
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

/** Makes sure every person-year has its row, then reads them all locked, in person order. */
export async function lockYearTotals(
  db: Db,
  personYears: readonly PersonYear[],
): Promise<Map<string, YearTotals>> {
  const unique = [...new Map(personYears.map((row) => [key(row.personId, row.year), row])).values()].sort(
    (a, b) => a.personId - b.personId || a.year - b.year,
  );
  const result = new Map<string, YearTotals>();
  if (unique.length === 0) return result;
  await db
    .insertInto('medical_year_totals')
    .values(unique.map((row) => ({ person_id: row.personId, year: row.year })))
    .onConflict((oc) => oc.columns(['person_id', 'year']).doNothing())
    .execute();
  const personIds = [...new Set(unique.map((row) => row.personId))];
  const query = db
    .selectFrom('medical_year_totals')
    .selectAll()
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('year');
  const rows = dialectOf(db) === 'postgres' ? await query.forUpdate().execute() : await query.execute();
  for (const row of rows) {
    result.set(key(Number(row.person_id), row.year), {
      personId: Number(row.person_id),
      year: row.year,
      claims: row.claims,
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

/** Writes the locked rows back as the batch left them. */
export async function writeYearTotals(db: Db, rows: readonly YearTotals[]): Promise<void> {
  for (const row of rows) {
    const { deductibleUsedFen, pooledFen } = row.totals;
    await db
      .updateTable('medical_year_totals')
      .set({
        [column('deductible', 'outpatient')]: deductibleUsedFen.outpatient,
        [column('deductible', 'inpatient')]: deductibleUsedFen.inpatient,
        [column('deductible', 'chronic')]: deductibleUsedFen.chronic,
        [column('pooled', 'outpatient')]: pooledFen.outpatient,
        [column('pooled', 'inpatient')]: pooledFen.inpatient,
        [column('pooled', 'chronic')]: pooledFen.chronic,
        claims: row.claims,
      })
      .where('person_id', '=', row.personId)
      .where('year', '=', row.year)
      .execute();
  }
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
