import { regionCodePrefix, type RegionCode } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { startsWith } from '../../db/prefix-range.ts';

/** What notifications asks of registration for the runs that tell a whole region (docs/RULES.md 17.5). */

/** The persons insured in a region (a province, prefecture or county by its code), a page after `afterId`. */
export async function selectPersonIdsInRegion(
  db: Kysely<Database>,
  regionCode: RegionCode,
  afterId: number,
  limit: number,
): Promise<{ id: number; region_code: string }[]> {
  const rows = await db
    .selectFrom('persons')
    .select(['id', 'region_code'])
    .where(startsWith(db, 'region_code', regionCodePrefix(regionCode)))
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: Number(row.id), region_code: row.region_code }));
}

export async function countPersonsInRegion(db: Kysely<Database>, regionCode: RegionCode): Promise<number> {
  const row = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(startsWith(db, 'region_code', regionCodePrefix(regionCode)))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The employers registered in a region, a page after `afterId`, with their names. */
export async function selectEmployersInRegion(
  db: Kysely<Database>,
  regionCode: RegionCode,
  afterId: number,
  limit: number,
): Promise<{ id: number; name: string; region_code: string }[]> {
  const rows = await db
    .selectFrom('employers')
    .select(['id', 'name', 'region_code'])
    .where(startsWith(db, 'region_code', regionCodePrefix(regionCode)))
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}
