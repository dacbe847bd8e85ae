import { performance } from 'node:perf_hooks';
import type { QueryTiming } from './bench-query-timer.ts';

interface TimedDatabase {
  prepare(source: string): unknown;
}

const EXECUTE = ['run', 'all', 'get'] as const;
/** Marks a statement already timed: the connection's statement cache hands the same one out again. */
const TIMED = Symbol('timed');

/**
 * Times every statement SQLite executes on this connection, Kysely's and bulkInsert's alike, by wrapping
 * `prepare` (for `--profile`): the time inside SQLite (and better-sqlite3's binding), per kind of
 * statement, without the JavaScript that builds the rows.
 */
export function instrumentSqlite(database: TimedDatabase): { report(): QueryTiming[]; reset(): void } {
  let totals = new Map<string, QueryTiming>();
  const prepare = database.prepare.bind(database);
  database.prepare = (source: string) => {
    const statement = prepare(source) as Record<string | symbol, unknown>;
    if (statement[TIMED]) return statement;
    statement[TIMED] = true;
    const name = describeStatement(source);
    for (const method of EXECUTE) {
      const original = statement[method] as ((...args: unknown[]) => unknown) | undefined;
      if (typeof original !== 'function') continue;
      statement[method] = function timed(this: unknown, ...args: unknown[]) {
        const started = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          const total = totals.get(name) ?? { query: name, calls: 0, seconds: 0 };
          total.calls += 1;
          total.seconds += (performance.now() - started) / 1000;
          totals.set(name, total);
        }
      };
    }
    return statement;
  };
  return {
    report: () => [...totals.values()].sort((a, b) => b.seconds - a.seconds),
    reset: () => {
      totals = new Map();
    },
  };
}

function describeStatement(source: string): string {
  return source
    .replace(/values\s*\(.*\)(\s*returning\s+\w+)?$/is, (_, returning?: string) =>
      returning ? `values …${returning}` : 'values …',
    )
    .replace(/\(\?(,\s*\?)*\)/g, '(…)')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
}
