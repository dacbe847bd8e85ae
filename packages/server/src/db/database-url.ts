import { isAbsolute, resolve } from 'node:path';

export type Dialect = 'sqlite' | 'postgres';

/** Where the database lives, parsed from DATABASE_URL. */
export type DatabaseLocation =
  | { readonly dialect: 'sqlite'; readonly filename: string }
  | { readonly dialect: 'postgres'; readonly url: string };

export const SQLITE_MEMORY = ':memory:';
export const DEFAULT_DATABASE_URL = 'sqlite:./data/shebao.db';

/**
 * Accepted forms: `sqlite:<path>` (relative paths resolve against `cwd`), `sqlite::memory:`,
 * `postgres://...` and `postgresql://...`. Throws a RangeError whose message is the reason only:
 * it never echoes the URL, which may carry a password.
 */
export function parseDatabaseUrl(text: string, cwd: string = process.cwd()): DatabaseLocation {
  const trimmed = text.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') return { dialect: 'sqlite', filename: parseSqlitePath(trimmed.slice(7), cwd) };
  if (scheme === 'postgres' || scheme === 'postgresql')
    return { dialect: 'postgres', url: checkPostgresUrl(trimmed) };
  const seen = scheme ? `scheme "${scheme}:" is not supported` : 'no scheme given';
  throw new RangeError(`${seen}; use sqlite:<path>, sqlite::memory: or postgres://user@host:port/database`);
}

function parseSqlitePath(rest: string, cwd: string): string {
  if (rest === SQLITE_MEMORY) return SQLITE_MEMORY;
  if (rest === '') throw new RangeError('sqlite: needs a file path, e.g. sqlite:./data/shebao.db');
  // "sqlite://data/x.db" would silently become the absolute path /data/x.db; refuse the guess.
  if (rest.startsWith('//') && !rest.startsWith('///')) {
    throw new RangeError('write sqlite:<path> (e.g. sqlite:./data/shebao.db or sqlite:/var/lib/shebao.db)');
  }
  return isAbsolute(rest) ? resolve(rest) : resolve(cwd, rest);
}

function checkPostgresUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RangeError('is not a valid postgres:// URL');
  }
  if (!url.hostname && !url.searchParams.has('host')) throw new RangeError('postgres URL needs a host');
  if (url.pathname.length <= 1) throw new RangeError('postgres URL needs a database name after the host');
  return text;
}

/** The URL with any password replaced, safe for logs and error messages. */
export function redactDatabaseUrl(text: string): string {
  return text.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}
