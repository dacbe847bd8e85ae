import { parseDatabaseUrl, type Dialect } from '../db/database-url.ts';

export interface TestTarget {
  readonly dialect: Dialect;
  readonly url: string;
}

/**
 * The databases every database test runs on: SQLite in memory always, and PostgreSQL as well when
 * DATABASE_URL points at one (a SQLite DATABASE_URL is ignored; tests never touch a real file).
 */
export function testTargets(env: Readonly<Record<string, string | undefined>> = process.env): TestTarget[] {
  const targets: TestTarget[] = [{ dialect: 'sqlite', url: 'sqlite::memory:' }];
  const url = env.DATABASE_URL?.trim();
  if (url && parseDatabaseUrl(url).dialect === 'postgres') targets.push({ dialect: 'postgres', url });
  return targets;
}
