import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../app/clock.ts';
import type { Config } from '../config/index.ts';
import type { DatabaseHandle } from '../db/index.ts';
import { selectKeptPublicKeys } from '../modules/statements/index.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  describeFile,
  writeManifest,
  type BackupManifest,
} from './manifest.ts';
import { dumpPostgres, tableFile } from './postgres-copy.ts';

export const SQLITE_FILE = 'database.sqlite';
export const PRIVATE_KEY_FILE = 'keys/signing-key.pem';
export const PUBLIC_KEYS_FILE = 'keys/public-keys.json';
/** The documents attached to applications, kept as in SHEBAO_DOCUMENTS_DIR: named by their SHA-256. */
export const DOCUMENTS_FOLDER = 'documents';

/** The document files under a documents folder, as paths relative to it ('ab/ab12…'). */
export function documentFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^[0-9a-f]{2}$/.test(entry.name))
    .flatMap((entry) =>
      readdirSync(join(dir, entry.name))
        .filter((name) => /^[0-9a-f]{64}$/.test(name))
        .map((name) => `${entry.name}/${name}`),
    );
}

/**
 * Backs up a live database into an empty (or new) folder (docs/OPERATIONS.md, "Backup and restore"):
 * SQLite through its online backup API, PostgreSQL as a copy of every table from one consistent snapshot;
 * then the documents attached to applications, the statement signing key and the kept public keys; last
 * the manifest (format, dialect, migrations,
 * rows per table, sha256 of every file). Statements and imported bank statements live in the database,
 * so they are in its copy. The manifest is written last: a folder without one is a partial backup.
 */
export async function backUp(
  database: DatabaseHandle,
  config: Config,
  clock: Clock,
  folder: string,
): Promise<BackupManifest> {
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    throw new BackupError(`${folder}: not empty; back up into a new or empty folder`);
  }
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const createdAt = clock.now().toISOString();
  const files: string[] = [];
  let tables: Record<string, number>;
  let migrations: string[];
  if (config.database.dialect === 'sqlite') {
    ({ tables, migrations } = await backUpSqlite(config.database.filename, join(folder, SQLITE_FILE)));
    files.push(SQLITE_FILE);
  } else {
    ({ tables, migrations } = await dumpPostgres(database.db, folder));
    files.push(...Object.keys(tables).map(tableFile));
  }
  mkdirSync(join(folder, 'keys'), { recursive: true, mode: 0o700 });
  if (existsSync(config.signingKeyFile)) {
    copyFileSync(config.signingKeyFile, join(folder, PRIVATE_KEY_FILE));
    files.push(PRIVATE_KEY_FILE);
  }
  // After the database: a document is written before its row, so every row in the copy finds its file.
  for (const path of documentFiles(config.documentsDir)) {
    mkdirSync(join(folder, DOCUMENTS_FOLDER, dirname(path)), { recursive: true, mode: 0o700 });
    copyFileSync(join(config.documentsDir, path), join(folder, DOCUMENTS_FOLDER, path));
    files.push(`${DOCUMENTS_FOLDER}/${path}`);
  }
  // Also in the database; kept beside it for whoever checks statements without one.
  const keys = migrations.includes('0014-signing-keys') ? await selectKeptPublicKeys(database.db) : [];
  writeFileSync(join(folder, PUBLIC_KEYS_FILE), `${JSON.stringify(keys, null, 2)}\n`);
  files.push(PUBLIC_KEYS_FILE);
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt,
    dialect: config.database.dialect,
    migrations,
    tables,
    files: await Promise.all(files.map((path) => describeFile(folder, path))),
  };
  writeManifest(folder, manifest);
  return manifest;
}

/**
 * SQLite's online backup from a connection of its own: after the first step, all remaining pages in one
 * step, i.e. from one read snapshot (WAL lets writers go on meanwhile; a write from another connection
 * between steps makes SQLite start the copy again). Rows per table are counted in the copy.
 */
async function backUpSqlite(
  source: string,
  target: string,
): Promise<{ tables: Record<string, number>; migrations: string[] }> {
  if (source === ':memory:') throw new BackupError('DATABASE_URL: an in-memory database cannot be backed up');
  const connection = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    connection.pragma('busy_timeout = 5000');
    await connection.backup(target, { progress: () => 0x7fffffff });
  } finally {
    connection.close();
  }
  const copy = new BetterSqlite3(target, { readonly: true });
  try {
    const names = copy
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name",
      )
      .pluck()
      .all() as string[];
    const tables = Object.fromEntries(
      names.map((name) => [name, Number(copy.prepare(`select count(*) from "${name}"`).pluck().get())]),
    );
    const migrations = copy
      .prepare('select name from kysely_migration order by name')
      .pluck()
      .all() as string[];
    return { tables, migrations };
  } finally {
    copy.close();
  }
}
