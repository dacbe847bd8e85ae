import { Migrator, NO_MIGRATIONS, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { dialectOf } from './dialect-of.ts';
import { migrations as allMigrations } from './migrations/index.ts';

export type MigrationMap = Readonly<Record<string, Migration>>;

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  readonly migrationName: string | undefined;

  constructor(migrationName: string | undefined, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(migrationName ? `Migration "${migrationName}" failed: ${reason}` : `Migrations failed: ${reason}`, {
      cause,
    });
    this.migrationName = migrationName;
  }
}

/**
 * Brings the schema up to date. Each run is one transaction on both dialects (see sqlite-dialect.ts),
 * so a failure leaves the database as it was. Returns the names of the migrations that ran, in order;
 * empty when already up to date.
 */
export async function migrateToLatest<DB>(
  db: Kysely<DB>,
  migrations: MigrationMap = allMigrations,
): Promise<string[]> {
  const migrator = await createMigrator(db, migrations);
  return namesThatRan(await migrator.migrateToLatest());
}

/** Undoes every migration; for development and tests. Returns the names undone, newest first. */
export async function migrateToEmpty<DB>(
  db: Kysely<DB>,
  migrations: MigrationMap = allMigrations,
): Promise<string[]> {
  const migrator = await createMigrator(db, migrations);
  return namesThatRan(await migrator.migrateTo(NO_MIGRATIONS));
}

async function createMigrator<DB>(db: Kysely<DB>, migrations: MigrationMap): Promise<Migrator> {
  const schema = await currentSchema(db);
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...migrations }) },
    // Unless told the schema, Kysely looks for its bookkeeping tables in every schema; with one schema
    // per parallel test suite it would find another suite's table and never create its own.
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
}

async function currentSchema<DB>(db: Kysely<DB>): Promise<string | undefined> {
  if (dialectOf(db) !== 'postgres') return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  if (!schema) throw new MigrationError(undefined, new Error('no current schema; check search_path'));
  return schema;
}

function namesThatRan({ error, results = [] }: MigrationResultSet): string[] {
  if (error !== undefined) {
    throw new MigrationError(results.find((it) => it.status === 'Error')?.migrationName, error);
  }
  return results.filter((it) => it.status === 'Success').map((it) => it.migrationName);
}
