import { sql, type Kysely, type Migration } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/index.ts';
import { migrateToEmpty, migrateToLatest, MigrationError, migrations } from './index.ts';

/** Tables this suite can see: on PostgreSQL only its own schema's (see postgres-introspector.ts). */
async function tableNames<DB>(db: Kysely<DB>): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.map((it) => it.name).sort();
}

describeEachDatabase(
  'migrations',
  (getDb) => {
    it('start from an empty database', async () => {
      expect(await tableNames(getDb())).toEqual([]);
    });

    it('run every migration once, in order, and report what ran', async () => {
      expect(await migrateToLatest(getDb())).toEqual(Object.keys(migrations).sort());
      expect(await tableNames(getDb())).toEqual(
        expect.arrayContaining(['policy_parameters', 'regions', 'bills', 'journal_entries']),
      );
      expect(await migrateToLatest(getDb())).toEqual([]);
    });

    it('leave tables that introspection describes', async () => {
      const tables = await getDb().introspection.getTables();
      const parameters = tables.find((it) => it.name === 'policy_parameters');
      const id = parameters?.columns.find((it) => it.name === 'id');
      expect(id?.isAutoIncrementing).toBe(true);
      expect(parameters?.columns.find((it) => it.name === 'approved_by')?.isNullable).toBe(true);
      const withKysely = await getDb().introspection.getTables({ withInternalKyselyTables: true });
      expect(withKysely.map((it) => it.name)).toContain('kysely_migration');
    });

    it('can be undone and redone', async () => {
      expect(await migrateToEmpty(getDb())).toEqual(Object.keys(migrations).sort().reverse());
      expect(await tableNames(getDb())).toEqual([]);
      expect(await migrateToLatest(getDb())).toEqual(Object.keys(migrations).sort());
    });

    it('name the migration that failed and roll the whole run back', async () => {
      const broken: Migration = {
        async up(db) {
          await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
          await sql`select * from no_such_table`.execute(db);
        },
      };
      const run = migrateToLatest(getDb(), { ...migrations, '9999-broken': broken });
      await expect(run).rejects.toThrow(MigrationError);
      await expect(migrateToLatest(getDb(), { ...migrations, '9999-broken': broken })).rejects.toThrow(
        /^Migration "9999-broken" failed: .*no_such_table/,
      );
      expect(await tableNames(getDb())).not.toContain('half_done');
      expect(await migrateToLatest(getDb())).toEqual([]);
    });
  },
  { migrate: false },
);
