import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, PensionAdjustmentPoliciesTable } from '../../db/index.ts';

export type PolicyRow = Selectable<PensionAdjustmentPoliciesTable>;

export async function insertPolicy(
  db: Kysely<Database>,
  row: Insertable<PensionAdjustmentPoliciesTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('pension_adjustment_policies')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export function selectPolicy(db: Kysely<Database>, id: number): Promise<PolicyRow | undefined> {
  return db.selectFrom('pension_adjustment_policies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The versions of a region and year, the latest first. */
export function selectYearVersions(
  db: Kysely<Database>,
  regionCode: string,
  year: number,
): Promise<PolicyRow[]> {
  return db
    .selectFrom('pension_adjustment_policies')
    .selectAll()
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .execute();
}

/** A region's policies, newest year and version first, with how many awards each has adjusted. */
export function selectRegionPolicies(db: Kysely<Database>, regionCode: string) {
  return db
    .selectFrom('pension_adjustment_policies as p')
    .selectAll('p')
    .select((eb) =>
      eb
        .selectFrom('pension_adjustment_history as h')
        .select(({ fn }) => fn.countAll<number | string>().as('n'))
        .whereRef('h.policy_id', '=', 'p.id')
        .as('adjusted_awards'),
    )
    .where('p.region_code', '=', regionCode)
    .orderBy('p.year', 'desc')
    .orderBy('p.version', 'desc')
    .execute();
}
