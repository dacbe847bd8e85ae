import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/index.ts';
import { bulkInsert, bulkInsertReturningIds, insertRows, insertRowsReturningIds } from './bulk-insert.ts';

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

describeEachDatabase('rows as objects', (getDb) => {
  const entry = (key: string) => ({
    fund: 'pension' as const,
    kind: 'test',
    event_key: key,
    reverses_id: null,
    business_date: '2025-07-01',
    recorded_at: '2025-07-01T00:00:00.000Z',
  });

  it('writes the columns the objects set, with their types, and returns ids in order', async () => {
    const db = getDb();
    const rows = Array.from({ length: 5_003 }, (_, index) => entry(`objects:${index}`));
    const ids = await db.transaction().execute(async (trx) => {
      await insertRows(trx, 'journal_transactions', [entry('objects:first')]);
      return insertRowsReturningIds(trx, 'journal_transactions', rows);
    });
    const stored = await db
      .selectFrom('journal_transactions')
      .select(['id', 'event_key', 'reverses_id'])
      .where('event_key', 'like', 'objects:%')
      .execute();
    expect(stored).toHaveLength(rows.length + 1);
    const keyById = new Map(stored.map((row) => [row.id, row.event_key]));
    expect(ids.map((id) => keyById.get(id))).toEqual(rows.map((row) => row.event_key));
    expect(stored.every((row) => row.reverses_id === null)).toBe(true);
  });

  it('refuses rows that set different columns, before writing any', async () => {
    const db = getDb();
    const { reverses_id: _left, ...short } = entry('uneven:2');
    await expect(
      insertRows(db, 'journal_transactions', [entry('uneven:1'), short as ReturnType<typeof entry>]),
    ).rejects.toThrow(/every row must set the same columns/);
    const written = await db
      .selectFrom('journal_transactions')
      .select('id')
      .where('event_key', 'like', 'uneven:%')
      .execute();
    expect(written).toEqual([]);
  });
});
