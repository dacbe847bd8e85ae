import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase, parseDatabaseUrl, type DatabaseHandle } from '../src/db/index.ts';
import { openThrowawaySchema } from '../src/testing/open-test-database.ts';

export interface BenchDatabase extends DatabaseHandle {
  /** Where the data lives, for the report: the SQLite file or the PostgreSQL schema. */
  readonly where: string;
  /** The PostgreSQL URL and schema, for the raw baseline's own connection; undefined on SQLite. */
  readonly postgres?: { url: string; schema: string };
}

/**
 * A fresh, migrated database for one benchmark run: a new SQLite file (WAL, the app's pragmas) in a temp
 * folder, or, when DATABASE_URL names PostgreSQL, a new schema there. close() removes either again.
 */
export async function openBenchDatabase(databaseUrl: string | undefined): Promise<BenchDatabase> {
  const url = databaseUrl?.trim();
  const bench =
    url && parseDatabaseUrl(url).dialect === 'postgres' ? await openBenchSchema(url) : openBenchFile();
  try {
    await migrateToLatest(bench.db);
  } catch (error) {
    await bench.close();
    throw error;
  }
  return bench;
}

function openBenchFile(): BenchDatabase {
  const folder = mkdtempSync(join(tmpdir(), 'shebao-bench-'));
  const file = join(folder, 'bench.db');
  const handle = openDatabase(`sqlite:${file}`);
  let closing: Promise<void> | undefined;
  return {
    ...handle,
    where: file,
    close: () => (closing ??= handle.close().finally(() => rmSync(folder, { recursive: true, force: true }))),
  };
}

async function openBenchSchema(url: string): Promise<BenchDatabase> {
  const handle = await openThrowawaySchema(url, 'shebao_bench_');
  return { ...handle, where: `schema ${handle.schema}`, postgres: { url, schema: handle.schema } };
}
