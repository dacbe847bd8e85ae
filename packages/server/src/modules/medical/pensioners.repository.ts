import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * The pensioners of a region in a month: a pension award begun by then and no death confirmed before the
 * month, with sex for the retirees' minimum (the retirees' monthly account credit, docs/RULES.md 16.4). A
 * read of benefits' awards, registration's persons and survival's death reports (db/table-owners.ts).
 */
export async function selectPensionersOfMonth(db: Kysely<Database>, regionPrefix: string, period: string) {
  const rows = await db
    .selectFrom('benefit_awards as a')
    .innerJoin('persons as p', 'p.id', 'a.person_id')
    .select(['p.id', 'p.sex', 'p.region_code'])
    .distinct()
    .where('a.kind', '=', 'pension')
    .where('a.valid_from', '<=', period)
    .where('p.region_code', 'like', `${regionPrefix}%`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('death_reports as d')
            .select('d.id')
            .whereRef('d.person_id', '=', 'p.id')
            .where('d.state', '=', 'confirmed')
            .where('d.date_of_death', '<', `${period}-01`),
        ),
      ),
    )
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({ id: Number(row.id), sex: row.sex, regionCode: row.region_code }));
}
