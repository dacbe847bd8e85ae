import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';
import { SQLITE_MEMORY } from './database-url.ts';
import { cachePreparedStatements } from './statement-cache.ts';

/**
 * SQLite does run DDL inside transactions; Kysely's adapter says otherwise only to leave room for
 * migrations that toggle `PRAGMA foreign_keys` (a no-op inside a transaction). We want each
 * migration run to be all-or-nothing, so a migration that rebuilds a table uses
 * `PRAGMA defer_foreign_keys = ON` instead.
 */
export class ShebaoSqliteAdapter extends SqliteAdapter {
  /** The connection itself, for bulk inserts through prepared statements (see bulk-insert.ts). */
  constructor(readonly database: SqliteDatabase.Database) {
    super();
  }

  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class ShebaoSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SqliteDatabase.Database) {
    super({ database });
  }

  override createAdapter(): DialectAdapter {
    return new ShebaoSqliteAdapter(this.database);
  }
}

/** Opens the file (creating its folder) and sets the pragmas every connection needs. */
export function createSqliteDialect(filename: string): SqliteDialect {
  if (filename !== SQLITE_MEMORY) mkdirSync(dirname(filename), { recursive: true });
  const database = new SqliteDatabase(filename);
  // WAL lets readers run while one writer writes; NORMAL sync is durable across crashes of the
  // process under WAL (only an OS crash may lose the last commits), at a fraction of FULL's cost.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  // SQLite ignores foreign keys unless asked, per connection.
  database.pragma('foreign_keys = ON');
  // A page cache of 128 MiB instead of SQLite's 2 MiB: a region's month touches its per-person indexes
  // (lines, personal accounts, the journal) all over, and each miss is a read from the OS. Only memory.
  database.pragma('cache_size = -131072');
  // Checkpoint (copy the WAL back into the file, with its fsyncs) every ~40 MiB of WAL instead of every
  // 4 MiB: a batch chunk writes tens of MiB, and pages that several chunks rewrite are then copied once.
  // Durability is unchanged (commits are in the WAL either way); the WAL file just grows larger between.
  database.pragma('wal_autocheckpoint = 10000');
  // Another process (the CLI beside the server) may hold the write lock briefly; wait, don't fail.
  database.pragma('busy_timeout = 5000');
  // Read pages through a memory map (up to 2 GiB, better-sqlite3's limit) instead of a system call per
  // page that misses the cache: an inquiry gathers a person's rows from many pages. Writes still go
  // through the WAL as before; the map only shares the OS page cache, it takes no memory of its own.
  database.pragma('mmap_size = 2147418112');
  cachePreparedStatements(database);
  return new ShebaoSqliteDialect(database);
}
