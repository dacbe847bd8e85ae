import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, SurvivalVerificationsTable } from '../../db/index.ts';

export type VerificationRow = Selectable<SurvivalVerificationsTable>;

/**
 * Inserts a verification once: the same award, day and method again is the row already there (a repeat
 * changes nothing; docs/RULES.md 14.9). Returns the row and whether it is new.
 */
export async function insertVerificationOnce(
  db: Kysely<Database>,
  row: Insertable<SurvivalVerificationsTable>,
): Promise<{ row: VerificationRow; created: boolean }> {
  const inserted = await db
    .insertInto('survival_verifications')
    .values(row)
    .onConflict((conflict) => conflict.columns(['award_no', 'on_date', 'method']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { row: inserted, created: true };
  const existing = await db
    .selectFrom('survival_verifications')
    .selectAll()
    .where('award_no', '=', row.award_no)
    .where('on_date', '=', row.on_date)
    .where('method', '=', row.method)
    .executeTakeFirstOrThrow();
  return { row: existing, created: false };
}

/** A person's verifications, oldest first. */
export function selectPersonVerifications(
  db: Kysely<Database>,
  personId: number,
): Promise<VerificationRow[]> {
  return db
    .selectFrom('survival_verifications')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('on_date')
    .orderBy('id')
    .execute();
}
