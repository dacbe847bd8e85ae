import { sql, type Kysely } from 'kysely';
import {
  computePersonYearSummaries,
  PERSON_YEAR_MASKS,
  rebuildPersonYearSummaries,
} from '../../db/migrations/person-year-summaries.ts';
import type { Database } from '../../db/index.ts';

const COLUMNS = sql.join(['person_id', 'year', ...PERSON_YEAR_MASKS].map((column) => sql.ref(column)));

export interface SummaryCheck {
  ok: boolean;
  /** (person, year) rows kept that a fresh computation does not give, or gives otherwise. */
  wrongOrExtra: number;
  /** (person, year) rows a fresh computation gives that are not kept as such. */
  missing: number;
}

/**
 * Compares person_year_summaries, which a trigger keeps, with the table computed afresh from every
 * contribution line (a full pass over both: for operators and tests, not for every night).
 */
export async function checkPersonYearSummaries(db: Kysely<Database>): Promise<SummaryCheck> {
  const fresh = computePersonYearSummaries();
  const count = async (left: ReturnType<typeof sql>, right: ReturnType<typeof sql>) => {
    const result = await sql<{ n: number | string }>`select count(*) as n from (
      select ${COLUMNS} from (${left}) l except select ${COLUMNS} from (${right}) r) d`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  };
  const kept = sql`select * from person_year_summaries`;
  const wrongOrExtra = await count(kept, fresh);
  const missing = await count(fresh, kept);
  return { ok: wrongOrExtra === 0 && missing === 0, wrongOrExtra, missing };
}

/** Computes person_year_summaries afresh, in one transaction (after a bulk load without its trigger). */
export async function rebuildSummaries(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute((trx) => rebuildPersonYearSummaries<Database>(trx));
}
