import type { Insertable, Kysely, Selectable } from 'kysely';
import type { BenefitAwardsTable, Database } from '../../db/index.ts';

export type AwardRow = Selectable<BenefitAwardsTable>;

export async function insertAward(
  db: Kysely<Database>,
  row: Insertable<BenefitAwardsTable>,
): Promise<number> {
  const { id } = await db.insertInto('benefit_awards').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Every version of a person's awards, by award and version. */
export function selectPersonAwards(db: Kysely<Database>, personId: number): Promise<AwardRow[]> {
  return db
    .selectFrom('benefit_awards')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('award_no')
    .orderBy('version')
    .execute();
}

export function selectAwardOfApplication(
  db: Kysely<Database>,
  applicationId: number,
): Promise<AwardRow | undefined> {
  return db
    .selectFrom('benefit_awards')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
}
