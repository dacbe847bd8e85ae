import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { Config } from '../config/index.ts';
import {
  migrateToLatest,
  migrations as allMigrations,
  openDatabase,
  type Database,
  type DatabaseHandle,
} from '../db/index.ts';
import { DOCUMENTS_FOLDER, PRIVATE_KEY_FILE, SQLITE_FILE } from './backup.ts';
import { BackupError, readCheckedManifest, type BackupManifest } from './manifest.ts';
import { loadPostgres } from './postgres-copy.ts';

export interface RestoreOptions {
  /** Replace a database (and a signing key) that already holds something. */
  force?: boolean;
}

/**
 * Restores a backup into the configured database and signing key file (docs/OPERATIONS.md, "Backup and
 * restore"). Refuses, before changing anything, a backup that does not check out (manifest, every file's
 * size and sha256), one of the other dialect or made by a newer Shebao, and a target that is not empty
 * unless `force`. Stop the server (and every `shebao` command) on the target first.
 */
export async function restore(
  config: Config,
  folder: string,
  options: RestoreOptions = {},
  /** PostgreSQL: the open database to restore into (default: one opened from config). */
  database?: DatabaseHandle,
): Promise<BackupManifest> {
  const manifest = await readCheckedManifest(folder);
  if (manifest.dialect !== config.database.dialect) {
    throw new BackupError(
      `the backup is of a ${manifest.dialect} database; DATABASE_URL names a ${config.database.dialect} one`,
    );
  }
  const unknown = manifest.migrations.filter((name) => !(name in allMigrations));
  if (unknown.length) {
    throw new BackupError(
      `the backup was made by a newer Shebao (migrations ${unknown.join(', ')}); upgrade first`,
    );
  }
  const key = manifest.files.some((file) => file.path === PRIVATE_KEY_FILE)
    ? readFileSync(join(folder, PRIVATE_KEY_FILE), 'utf8')
    : undefined;
  if (key !== undefined && existsSync(config.signingKeyFile) && !options.force) {
    if (readFileSync(config.signingKeyFile, 'utf8') !== key) {
      throw new BackupError(
        `${config.signingKeyFile}: holds another signing key; restore with --force to replace it`,
      );
    }
  }
  if (config.database.dialect === 'sqlite')
    await restoreSqlite(config.database.filename, folder, manifest, options);
  else if (database) await restorePostgresInto(database.db, folder, manifest, options);
  else await restorePostgres(config.database.url, folder, manifest, options);
  if (key !== undefined) {
    mkdirSync(dirname(config.signingKeyFile), { recursive: true, mode: 0o700 });
    writeFileSync(config.signingKeyFile, key, { mode: 0o600 });
  }
  // The documents go back under their names (their SHA-256, checked with the manifest above).
  for (const file of manifest.files.filter((entry) => entry.path.startsWith(`${DOCUMENTS_FOLDER}/`))) {
    const path = file.path.slice(DOCUMENTS_FOLDER.length + 1);
    mkdirSync(join(config.documentsDir, dirname(path)), { recursive: true, mode: 0o700 });
    copyFileSync(join(folder, file.path), join(config.documentsDir, path));
  }
  return manifest;
}

async function restoreSqlite(
  target: string,
  folder: string,
  manifest: BackupManifest,
  options: RestoreOptions,
): Promise<void> {
  if (target === ':memory:') throw new BackupError('DATABASE_URL: cannot restore into an in-memory database');
  if (existsSync(target) && !options.force && tableCountOf(target) > 0) {
    throw new BackupError(`${target}: the database is not empty; restore with --force to replace it`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const pending = `${target}.restoring`;
  copyFileSync(join(folder, SQLITE_FILE), pending);
  try {
    const copy = new BetterSqlite3(pending);
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new BackupError(`${SQLITE_FILE}: integrity check failed: ${String(check)}`);
      for (const [table, rows] of Object.entries(manifest.tables)) {
        const found = Number(copy.prepare(`select count(*) from "${table}"`).pluck().get());
        if (found !== rows)
          throw new BackupError(`${SQLITE_FILE}: ${table} has ${found} rows, the manifest says ${rows}`);
      }
    } finally {
      copy.close();
    }
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(pending, target);
  } finally {
    rmSync(pending, { force: true });
  }
}

function tableCountOf(file: string): number {
  const connection = new BetterSqlite3(file, { readonly: true });
  try {
    return Number(
      connection.prepare("select count(*) from sqlite_master where type = 'table'").pluck().get(),
    );
  } finally {
    connection.close();
  }
}

async function restorePostgres(
  url: string,
  folder: string,
  manifest: BackupManifest,
  options: RestoreOptions,
): Promise<void> {
  const database = openDatabase(url);
  try {
    await restorePostgresInto(database.db, folder, manifest, options);
  } finally {
    await database.close();
  }
}

/** The PostgreSQL restore into an open database's current schema (tests call it on theirs). */
export async function restorePostgresInto(
  db: Kysely<Database>,
  folder: string,
  manifest: BackupManifest,
  options: RestoreOptions = {},
): Promise<void> {
  const tables = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)
  ).rows.map((row) => row.name);
  if (tables.length > 0) {
    if (!options.force) {
      throw new BackupError(
        'the database is not empty (its schema has tables); restore with --force to replace it',
      );
    }
    for (const table of tables) await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
    const functions = (
      await sql<{ signature: string }>`select p.oid::regprocedure::text as signature from pg_proc p
        where p.pronamespace = current_schema()::regnamespace`.execute(db)
    ).rows;
    for (const { signature } of functions)
      await sql`drop function if exists ${sql.raw(signature)} cascade`.execute(db);
  }
  const level = new Set(manifest.migrations);
  await migrateToLatest(
    db,
    Object.fromEntries(Object.entries(allMigrations).filter(([name]) => level.has(name))),
  );
  await loadPostgres(db, folder, manifest.tables);
  await migrateToLatest(db);
}
