import { sql, type Kysely } from 'kysely';
import { addIdColumn, periodCheck } from './column-types.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (col) => col.primaryKey().check(sql`length(code) = 6`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('level', 'text', (col) =>
      col.notNull().check(sql`level in ('national', 'province', 'prefecture', 'county')`),
    )
    .addColumn('parent_code', 'text', (col) => col.references('regions.code'))
    .execute();
  await db.schema.createIndex('regions_parent_code').on('regions').column('parent_code').execute();

  await db.schema
    .createTable('policy_parameters')
    .addColumn(...addIdColumn(db))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('region_code', 'text', (col) => col.notNull().references('regions.code'))
    .addColumn('insurance', 'text')
    .addColumn('party', 'text')
    .addColumn('category', 'text')
    .addColumn('valid_from', 'text', (col) => col.notNull().check(periodCheck('valid_from')))
    .addColumn('valid_to', 'text', (col) => col.check(periodCheck('valid_to')))
    .addColumn('value_json', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source <> ''`))
    .addColumn('version', 'integer', (col) => col.notNull().check(sql`version >= 1`))
    .addColumn('recorded_at', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addColumn('approved_by', 'text')
    .addCheckConstraint('policy_parameters_valid_range', sql`valid_to is null or valid_to >= valid_from`)
    .execute();

  await db.schema
    .createIndex('policy_parameters_name_region')
    .on('policy_parameters')
    .columns(['name', 'region_code'])
    .execute();

  // One row per version of a parameter's value from a given month. The dimensions stay NULL for
  // "applies to all" (so lookups read `insurance is null`), but NULLs never clash in a unique index;
  // an expression index over coalesce(dim, '') makes them clash, and both SQLite (3.9+) and
  // PostgreSQL support it, so no sentinel values or derived key column are needed.
  await db.schema
    .createIndex('policy_parameters_version_unique')
    .on('policy_parameters')
    .unique()
    .expression(
      sql`name, region_code, coalesce(insurance, ''), coalesce(party, ''), coalesce(category, ''), valid_from, version`,
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policy_parameters').execute();
  await db.schema.dropTable('regions').execute();
}
