import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { dialectOf } from './dialect-of.ts';

/**
 * `column` starts with `prefix`, written as a range (prefix <= column < the next prefix) so an index on
 * the column serves it on both dialects: SQLite compares text bytewise, and PostgreSQL is told to as well
 * (`collate "C"`, matching the indexes migration 0009 creates), whatever the database's collation. LIKE
 * would do neither: SQLite's is case-insensitive, PostgreSQL's needs a pattern-ops index.
 */
export function startsWith<DB>(db: Kysely<DB>, column: string, prefix: string): RawBuilder<SqlBool> {
  const value = dialectOf(db) === 'postgres' ? sql`${sql.ref(column)} collate "C"` : sql`${sql.ref(column)}`;
  const upper = nextPrefix(prefix);
  if (upper === null) return sql<SqlBool>`${value} >= ${prefix}`;
  return sql<SqlBool>`${value} >= ${prefix} and ${value} < ${upper}`;
}

/** The smallest text greater than every text that starts with `prefix` (in code point order). */
export function nextPrefix(prefix: string): string | null {
  const points = Array.from(prefix, (char) => char.codePointAt(0)!);
  while (points.length > 0) {
    const last = points.pop()!;
    // Skip the surrogate range: those code points cannot appear in well-formed text.
    const following = last === 0xd7ff ? 0xe000 : last + 1;
    if (following <= 0x10ffff) return String.fromCodePoint(...points, following);
  }
  return null;
}
