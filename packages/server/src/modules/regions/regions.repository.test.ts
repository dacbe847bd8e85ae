import { listRegions, NATIONAL_REGION } from '@shebao/domain';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/index.ts';
import { selectRegionCodes, seedRegionsIfEmpty } from './regions.repository.ts';

describeEachDatabase('the regions table', (getDb) => {
  it('loads the shipped GB/T 2260 list under the national root once, parents before children', async () => {
    const db = getDb();
    const loaded = await seedRegionsIfEmpty(db);
    expect(loaded).toBe(listRegions().length + 1);
    expect(await seedRegionsIfEmpty(db)).toBe(0);
    const codes = await selectRegionCodes(db);
    expect(codes.size).toBe(loaded);
    expect(codes.has(NATIONAL_REGION)).toBe(true);
    const beijing = await db
      .selectFrom('regions')
      .selectAll()
      .where('code', '=', '110000')
      .executeTakeFirstOrThrow();
    expect(beijing).toMatchObject({ level: 'province', parent_code: NATIONAL_REGION });
    // Every region but the root hangs under one that exists.
    const rows = await db.selectFrom('regions').select(['code', 'parent_code']).execute();
    expect(rows.filter((row) => row.parent_code !== null && !codes.has(row.parent_code))).toEqual([]);
  });
});
