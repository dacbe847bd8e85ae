import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachePreparedStatements } from './statement-cache.ts';

describe('the prepared-statement cache', () => {
  it('hands out the same statement for the same text, and forgets the least recently used', () => {
    const database = new SqliteDatabase(':memory:');
    cachePreparedStatements(database, 2);
    const first = database.prepare('select 1 as one');
    expect(database.prepare('select 1 as one')).toBe(first);
    database.prepare('select 2 as two');
    database.prepare('select 1 as one'); // now the most recent
    database.prepare('select 3 as three'); // evicts "select 2"
    expect(database.prepare('select 1 as one')).toBe(first);
    const second = database.prepare('select 2 as two');
    expect(database.prepare('select 2 as two')).toBe(second);
    expect(first.get()).toEqual({ one: 1 });
  });

  it('never gives out a statement that is being iterated', () => {
    const database = new SqliteDatabase(':memory:');
    cachePreparedStatements(database);
    database.exec('create table t (n integer); insert into t values (1), (2), (3)');
    const source = 'select n from t order by n';
    const outer = database.prepare(source);
    const seen: number[][] = [];
    for (const row of outer.iterate() as IterableIterator<{ n: number }>) {
      const inner = database.prepare(source);
      expect(inner).not.toBe(outer);
      seen.push((inner.all() as { n: number }[]).map((r) => r.n).concat(row.n));
    }
    expect(seen).toEqual([
      [1, 2, 3, 1],
      [1, 2, 3, 2],
      [1, 2, 3, 3],
    ]);
    expect(database.prepare(source)).toBe(outer); // no longer busy
  });
});
