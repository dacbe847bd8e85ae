import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/index.ts';
import { bulkInsert, bulkInsertReturningIds } from './bulk-insert.ts';

const COLUMNS = ['fund', 'kind', 'event_key', 'reverses_id', 'business_date', 'recorded_at'];
const TYPES = ['text', 'text', 'text', 'bigint', 'text', 'text'] as const;

const rowsFor = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => [
    'pension',
    'test',
    `${prefix}:${index}`,
    null,
    '2025-07-01',
    '2025-07-01T00:00:00.000Z',
  ]);

describeEachDatabase('bulk inserts', (getDb) => {
  it('returns the new ids in the order of the rows, across several statements and an odd tail', async () => {
    const db = getDb();
    // More than one full statement on both databases, and a tail that is no power of two.
    const rows = rowsFor('ids', 7_003);
    const ids = await db
      .transaction()
      .execute((trx) => bulkInsertReturningIds(trx, 'journal_transactions', COLUMNS, TYPES, rows));
    expect(ids).toHaveLength(rows.length);
    const stored = await db
      .selectFrom('journal_transactions')
      .select(['id', 'event_key'])
      .where('event_key', 'like', 'ids:%')
      .execute();
    const keyById = new Map(stored.map((row) => [row.id, row.event_key]));
    expect(ids.map((id) => keyById.get(id))).toEqual(rows.map((row) => row[2]));
  });

  it('writes every row of tails of any length, and nothing for no rows', async () => {
    const db = getDb();
    for (const count of [0, 1, 5, 300, 2_667]) {
      await bulkInsert(db, 'journal_transactions', COLUMNS, TYPES, rowsFor(`tail${count}`, count));
      expect(await bulkInsertReturningIds(db, 'journal_transactions', COLUMNS, TYPES, [])).toEqual([]);
      const { n } = await db
        .selectFrom('journal_transactions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('event_key', 'like', `tail${count}:%`)
        .executeTakeFirstOrThrow();
      expect(Number(n)).toBe(count);
    }
  });
});
