import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, RetirementInvitationsTable } from '../../db/index.ts';

export type InvitationRow = Selectable<RetirementInvitationsTable>;

/**
 * Stores invitations once per person and retirement month: those already stored are left as they are
 * (the run is repeatable). Returns those that were new.
 */
export async function insertInvitations(
  db: Kysely<Database>,
  rows: readonly Insertable<RetirementInvitationsTable>[],
): Promise<Insertable<RetirementInvitationsTable>[]> {
  if (rows.length === 0) return [];
  const known = await db
    .selectFrom('retirement_invitations')
    .select(['person_id', 'retirement_month'])
    .where(
      'person_id',
      'in',
      rows.map((row) => row.person_id),
    )
    .execute();
  const seen = new Set(known.map((row) => `${row.person_id}|${row.retirement_month}`));
  const fresh = rows.filter((row) => !seen.has(`${row.person_id}|${row.retirement_month}`));
  for (let start = 0; start < fresh.length; start += 500)
    await db
      .insertInto('retirement_invitations')
      .values(fresh.slice(start, start + 500))
      .onConflict((conflict) => conflict.columns(['person_id', 'retirement_month']).doNothing())
      .execute();
  return fresh;
}

export function selectPersonInvitations(db: Kysely<Database>, personId: number): Promise<InvitationRow[]> {
  return db
    .selectFrom('retirement_invitations')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('id', 'desc')
    .execute();
}

/** Of the persons named, those with a pension application or award already: they are not invited. */
export async function selectPersonsWithPensionClaims(
  db: Kysely<Database>,
  personIds: readonly number[],
): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const applications = await db
    .selectFrom('benefit_applications')
    .select('person_id')
    .where('kind', '=', 'pension')
    .where('state', '<>', 'withdrawn')
    .where('person_id', 'in', personIds)
    .execute();
  const awards = await db
    .selectFrom('benefit_awards')
    .select('person_id')
    .where('kind', '=', 'pension')
    .where('person_id', 'in', personIds)
    .execute();
  return new Set([...applications, ...awards].map((row) => Number(row.person_id)));
}
