import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/*
 * What the benefit side asks registration about persons near retirement (docs/RULES.md 14.13): a page of
 * the insured persons of a region born between two dates, by id from a cursor. Residents are left out:
 * their pension is another scheme (GF-2014-8).
 */
export function selectPersonsBornBetween(
  db: Kysely<Database>,
  query: { regionPrefix: string; bornFrom: string; bornTo: string; afterId: number; limit: number },
) {
  return db
    .selectFrom('persons')
    .select(['id', 'sex', 'birth_date', 'region_code'])
    .where('region_code', 'like', `${query.regionPrefix}%`)
    .where('category', '<>', 'resident')
    .where('birth_date', '>=', query.bornFrom)
    .where('birth_date', '<=', query.bornTo)
    .where('id', '>', query.afterId)
    .orderBy('id')
    .limit(query.limit)
    .execute();
}

/** The birth date of each person named, one query per thousand. */
export async function selectBirthDates(
  db: Kysely<Database>,
  personIds: readonly number[],
): Promise<Map<number, string>> {
  const dates = new Map<number, string>();
  for (let start = 0; start < personIds.length; start += 1000) {
    const rows = await db
      .selectFrom('persons')
      .select(['id', 'birth_date'])
      .where('id', 'in', personIds.slice(start, start + 1000))
      .execute();
    for (const row of rows) dates.set(Number(row.id), row.birth_date);
  }
  return dates;
}
