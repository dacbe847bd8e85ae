import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import { computePersonYearSummaries } from '../db/migrations/person-year-summaries.ts';
import type { Database } from '../db/schema.ts';

/** Every row with its values as numbers (PostgreSQL returns sums as text), in (person, year) order. */
function asNumbers(rows: Record<string, unknown>[]): Record<string, number>[] {
  return rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])),
  );
}

/**
 * Asserts that the person_year_summaries the trigger kept equal the table computed from scratch from
 * every line: what any test that writes contribution lines can end with.
 */
export async function expectPersonYearSummariesKept(db: Kysely<Database>): Promise<void> {
  const kept = await sql<Record<string, unknown>>`select person_id, year, pension_months, medical_months,
      maternity_months, unemployment_months, work_injury_months, contributed_months
    from person_year_summaries order by person_id, year`.execute(db);
  const computed = await sql<Record<string, unknown>>`select * from (${computePersonYearSummaries()}) fresh
    order by person_id, year`.execute(db);
  expect(asNumbers(kept.rows)).toEqual(asNumbers(computed.rows));
}
