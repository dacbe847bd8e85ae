import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/index.ts';
import { dialectOf } from '../dialect-of.ts';
import { forbidChanges } from './append-only.ts';
import { replaceChecks } from './replace-checks.ts';

async function makeTables(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rc_child').ifExists().execute();
  await db.schema.dropTable('rc_parent').ifExists().execute();
  await db.schema
    .createTable('rc_parent')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('a', 'b')`))
    .execute();
  await db.schema.createIndex('rc_parent_kind').on('rc_parent').column('kind').execute();
  await db.schema
    .createTable('rc_child')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('parent_id', 'integer', (col) => col.notNull().references('rc_parent.id'))
    .execute();
  await forbidChanges(db, ['rc_parent']);
  await sql`insert into rc_parent (id, kind) values (1, 'a'), (2, 'b')`.execute(db);
  await sql`insert into rc_child (id, parent_id) values (10, 1), (11, 2)`.execute(db);
}

describeEachDatabase(
  'replacing a CHECK constraint in a migration',
  (getDb) => {
    it('admits the new values, keeps the rows, their references, indexes and triggers', async () => {
      const db = getDb() as unknown as Kysely<unknown>;
      await makeTables(db);
      await db
        .transaction()
        .execute((trx) =>
          replaceChecks(trx, 'rc_parent', [
            { column: 'kind', from: `kind in ('a', 'b')`, to: `kind in ('a', 'b', 'c')` },
          ]),
        );
      await sql`insert into rc_parent (id, kind) values (3, 'c')`.execute(db);
      await expect(sql`insert into rc_parent (id, kind) values (4, 'd')`.execute(db)).rejects.toThrow();
      const { rows } = await sql<{
        id: number;
        kind: string;
      }>`select id, kind from rc_parent order by id`.execute(db);
      expect(rows.map((row) => [Number(row.id), row.kind])).toEqual([
        [1, 'a'],
        [2, 'b'],
        [3, 'c'],
      ]);
      // The children still point at the table, which still refuses an orphan and still refuses changes.
      await expect(sql`insert into rc_child (id, parent_id) values (12, 99)`.execute(db)).rejects.toThrow();
      await expect(sql`update rc_parent set kind = 'a' where id = 2`.execute(db)).rejects.toThrow(
        /append-only/,
      );
      if (dialectOf(db) === 'sqlite') {
        expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
        const indexes = await sql<{ name: string }>`
          select name from sqlite_master where type = 'index' and tbl_name = 'rc_parent' and name = 'rc_parent_kind'`.execute(
          db,
        );
        expect(indexes.rows).toHaveLength(1);
      }
    });

    it('refuses a change whose old expression is not the one in force', async () => {
      const db = getDb() as unknown as Kysely<unknown>;
      await makeTables(db);
      if (dialectOf(db) === 'postgres') return; // PostgreSQL replaces the named constraint whatever it said.
      await expect(
        replaceChecks(db, 'rc_parent', [{ column: 'kind', from: `kind in ('x')`, to: `kind in ('y')` }]),
      ).rejects.toThrow(/not in the table's definition/);
    });
  },
  { migrate: false },
);
