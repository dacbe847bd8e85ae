import { listRegions, NATIONAL_REGION } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database, NewRegion } from '../../db/index.ts';

type Db = Kysely<Database>;

export async function selectRegionCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('regions').select('code').execute();
  return new Set(rows.map((row) => row.code));
}

/** Loads the shipped GB/T 2260 province and prefecture list (and the national root) once. */
export async function seedRegionsIfEmpty(db: Db): Promise<number> {
  const existing = await db.selectFrom('regions').select('code').limit(1).execute();
  if (existing.length > 0) return 0;
  const rows: NewRegion[] = [
    { code: NATIONAL_REGION, name: '全国', level: 'national', parent_code: null },
    ...listRegions().map((region) => ({
      code: region.code,
      name: region.name,
      level: region.level,
      parent_code: region.parentCode ?? NATIONAL_REGION,
    })),
  ];
  // Parents first, so the foreign key holds at every insert.
  const order = { national: 0, province: 1, prefecture: 2, county: 3 } as const;
  rows.sort((a, b) => order[a.level] - order[b.level]);
  await db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += 500) {
      await trx
        .insertInto('regions')
        .values(rows.slice(start, start + 500))
        .execute();
    }
  });
  return rows.length;
}
