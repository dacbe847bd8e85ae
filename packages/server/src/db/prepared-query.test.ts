import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/index.ts';
import { prepareQuery } from './prepared-query.ts';

const namesOf = prepareQuery(
  (_dialect, ids: number[], minimum: number) => sql<{ name: string }>`select name from regions_test
    where id in (${sql.join(ids)}) and id >= ${minimum} order by id`,
);

describeEachDatabase('prepared queries', (getDb) => {
  it('compile once per shape and run with new values, lists included', async () => {
    const db = getDb();
    await sql`create table regions_test (id integer primary key, name text not null)`.execute(db);
    await sql`insert into regions_test (id, name) values (1, 'one'), (2, 'two'), (3, 'three')`.execute(db);
    expect(await namesOf(db, [1, 2], 1)).toEqual([{ name: 'one' }, { name: 'two' }]);
    expect(await namesOf(db, [2, 3], 3)).toEqual([{ name: 'three' }]);
    expect(await namesOf(db, [1, 2, 3], 2)).toEqual([{ name: 'two' }, { name: 'three' }]);
  });

  it('refuse a template that does not use each argument once, in order', async () => {
    const twice = prepareQuery((_dialect, id: number) => sql`select ${id} as a, ${id} as b`);
    await expect(twice(getDb(), 1)).rejects.toThrow(/each argument once/);
  });

  it("see a transaction's writes inside it, and wait for it outside it", async () => {
    const db = getDb();
    let outside: Promise<{ name: string }[]> | undefined;
    await db.transaction().execute(async (trx) => {
      await sql`insert into regions_test (id, name) values (4, 'four')`.execute(trx);
      expect(await namesOf(trx, [4], 0)).toEqual([{ name: 'four' }]);
      // Asked outside while the transaction is open: never a dirty read; it runs once the transaction ends.
      outside = namesOf(db, [4], 0);
    });
    expect(await outside).toEqual([{ name: 'four' }]);
  });

  it('never read what a transaction wrote and then rolled back', async () => {
    const db = getDb();
    let outside: Promise<{ name: string }[]> | undefined;
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into regions_test (id, name) values (5, 'five')`.execute(trx);
        outside = namesOf(db, [5], 0);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await outside).toEqual([]);
  });
});
