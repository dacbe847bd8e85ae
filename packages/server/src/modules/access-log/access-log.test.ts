import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { AppError } from '../../errors/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { createBatchedAccessWriter, listAccessLog, recordAccess } from './index.ts';

const staff = { kind: 'staff' as const, id: '7', label: 'agency staff wang.li (110000)' };
const employer = { kind: 'employer' as const, id: '12', label: 'employer 91110105MA01 user hr' };

describeEachDatabase('access log', (getDb) => {
  it('lists who read a person’s record, newest first, a page at a time', async () => {
    const db = getDb();
    const { personIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 1_000_000 }, { wageFen: 900_000 }] }],
    });
    const [alice, bob] = personIds[0]! as [number, number];
    const deps = (at: string) => ({ db, clock: fixedClock(at) });
    await recordAccess(deps('2025-09-01T01:00:00Z'), {
      personIds: [alice],
      actor: staff,
      what: 'rights record 2025',
      route: 'GET /api/persons/:personId/rights-record',
      requestId: 'req-1',
    });
    // A staff list read by the employer is a read of everyone on it.
    await recordAccess(deps('2025-09-02T01:00:00Z'), {
      personIds: [alice, bob, alice],
      actor: employer,
      what: 'staff list',
      route: 'GET /api/employers/:employerId/staff',
    });

    const first = await listAccessLog(deps('2025-09-03T00:00:00Z'), alice, { limit: 1 });
    expect(first.entries).toEqual([
      expect.objectContaining({
        accessedAt: '2025-09-02T01:00:00.000Z',
        actorKind: 'employer',
        actorLabel: employer.label,
        what: 'staff list',
      }),
    ]);
    const second = await listAccessLog(deps('2025-09-03T00:00:00Z'), alice, {
      limit: 1,
      before: first.nextCursor!,
    });
    expect(second.entries.map((entry) => entry.what)).toEqual(['rights record 2025']);
    expect(second.nextCursor).toBeNull();
    expect((await listAccessLog(deps('2025-09-03T00:00:00Z'), bob)).entries).toHaveLength(1);
  });

  it('refuses a bad page or actor, and nothing can be edited afterwards', async () => {
    const db = getDb();
    const deps = { db, clock: fixedClock('2025-09-03T00:00:00Z') };
    await expect(listAccessLog(deps, 1, { limit: 0 })).rejects.toMatchObject({ field: 'limit' });
    await expect(listAccessLog(deps, 1, { before: 'abc' })).rejects.toBeInstanceOf(AppError);
    await expect(
      recordAccess(deps, {
        personIds: [1],
        actor: { kind: 'neighbour', id: '', label: '' } as never,
        what: 'x',
        route: 'y',
      }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(db.deleteFrom('access_log').execute()).rejects.toThrow(/append-only/);
  });

  it('writes the reads of concurrent requests in one batch, each caller waiting for its own rows', async () => {
    const db = getDb();
    const before = (await db.selectFrom('access_log').select(db.fn.countAll().as('n')).executeTakeFirst())!.n;
    const writeRows = createBatchedAccessWriter(db);
    const deps = { db, clock: fixedClock('2025-09-03T01:00:00Z'), writeRows };
    const read = (personId: number, requestId: string) =>
      recordAccess(deps, {
        personIds: [personId],
        actor: staff,
        what: 'rights record 2025',
        route: 'GET x',
        requestId,
      });
    const { personIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 1_000_000 }] }],
    });
    const person = personIds[0]![0]!;
    await Promise.all([read(person, 'b-1'), read(person, 'b-2'), read(person, 'b-3')]);
    const after = (await db.selectFrom('access_log').select(db.fn.countAll().as('n')).executeTakeFirst())!.n;
    expect(Number(after) - Number(before)).toBe(3);
    const requestIds = await db
      .selectFrom('access_log')
      .select('request_id')
      .where('request_id', 'like', 'b-%')
      .orderBy('id')
      .execute();
    expect(requestIds.map((row) => row.request_id)).toEqual(['b-1', 'b-2', 'b-3']);

    // A batch that cannot be stored fails every caller in it, and stores none of it.
    const bad = (requestId: string) =>
      writeRows([[null, '2025-09-03T01:00:00Z', 'staff', '7', 'x', 'y', 'z', requestId]]);
    const results = await Promise.allSettled([read(person, 'c-1'), bad('c-2')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    const stored = await db
      .selectFrom('access_log')
      .select('id')
      .where('request_id', 'like', 'c-%')
      .execute();
    expect(stored).toEqual([]);
  });

  it('keeps a read logged while another transaction is open, even when that transaction rolls back', async () => {
    const db = getDb();
    const { personIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 1_000_000 }] }],
    });
    const person = personIds[0]![0]!;
    let logged: Promise<void> | undefined;
    await expect(
      db.transaction().execute(async () => {
        logged = recordAccess(
          { db, clock: fixedClock('2025-09-04T01:00:00Z') },
          { personIds: [person], actor: staff, what: 'rights record 2025', route: 'GET x', requestId: 'r-1' },
        );
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await logged;
    const rows = await db.selectFrom('access_log').select('id').where('request_id', '=', 'r-1').execute();
    expect(rows).toHaveLength(1);
  });
});
