import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest } from '../db/migrate.ts';
import { openDatabase, type DatabaseHandle } from '../db/open-database.ts';
import type { TestTarget } from './test-targets.ts';

export interface OpenTestDatabaseOptions {
  /** Run every migration first (default true); false for tests of the migrations themselves. */
  readonly migrate?: boolean;
}

/** Prefix of throw-away schemas; a crashed run may leave some, safe to drop by this prefix. */
export const TEST_SCHEMA_PREFIX = 'shebao_test_';

/**
 * A fresh, isolated database: SQLite in memory, or on PostgreSQL a new schema with a random name that
 * every pooled connection uses as its search_path, so parallel Vitest workers never see each other.
 * close() drops the schema again.
 */
export async function openTestDatabase(
  target: TestTarget,
  options: OpenTestDatabaseOptions = {},
): Promise<DatabaseHandle> {
  const handle =
    target.dialect === 'postgres' ? await openThrowawaySchema(target.url) : openDatabase(target.url);
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

/**
 * A new PostgreSQL schema with a random name behind the prefix, used by every pooled connection as its
 * search_path; close() drops it again. Tests and benchmarks both start from one.
 */
export async function openThrowawaySchema(
  url: string,
  prefix: string = TEST_SCHEMA_PREFIX,
): Promise<DatabaseHandle & { readonly schema: string }> {
  const schema = `${prefix}${randomBytes(6).toString('hex')}`;
  await runAdmin(url, `create schema ${schema}`);
  const handle = openDatabase(url, { searchPath: schema, poolSize: 4 });
  let closing: Promise<void> | undefined;
  return {
    ...handle,
    schema,
    close: () =>
      (closing ??= handle.close().finally(() => runAdmin(url, `drop schema if exists ${schema} cascade`))),
  };
}

/** Schema DDL on a connection of its own, outside the pool whose search_path names the schema. */
async function runAdmin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
