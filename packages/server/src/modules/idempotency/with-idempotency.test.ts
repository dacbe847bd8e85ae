import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/index.ts';
import { hashRequest, withIdempotency } from './index.ts';

const AT = '2025-08-20T02:00:00.000Z';

describeEachDatabase('idempotency keys', (getDb) => {
  it('does the work once per key and replays the first answer for the same request', async () => {
    const db = getDb();
    let runs = 0;
    const work = async () => ({ run: ++runs });
    const run = (request: unknown) =>
      db.transaction().execute((trx) => withIdempotency(trx, 'payment', 'key-1', request, work, AT));
    expect(await run({ amountFen: 100, payer: 'E1' })).toEqual({ result: { run: 1 }, replayed: false });
    // The same fields in another order are the same request.
    expect(await run({ payer: 'E1', amountFen: 100 })).toEqual({ result: { run: 1 }, replayed: true });
    expect(runs).toBe(1);
  });

  it('refuses the key with another request, or in another scope, and does nothing', async () => {
    const db = getDb();
    const work = async () => {
      throw new Error('must not run');
    };
    const run = (scope: string, request: unknown) =>
      db.transaction().execute((trx) => withIdempotency(trx, scope, 'key-1', request, work, AT));
    await expect(run('payment', { amountFen: 200, payer: 'E1' })).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'idempotencyKey',
      detailCode: 'idempotency-key-reused',
    });
    await expect(run('approval:payments.reverse', { amountFen: 100, payer: 'E1' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('keeps nothing when the work fails, so the key can be used again', async () => {
    const db = getDb();
    await expect(
      db.transaction().execute((trx) =>
        withIdempotency(
          trx,
          'payment',
          'key-2',
          { n: 1 },
          async () => {
            throw new Error('the payment failed');
          },
          AT,
        ),
      ),
    ).rejects.toThrow('the payment failed');
    const again = await db
      .transaction()
      .execute((trx) => withIdempotency(trx, 'payment', 'key-2', { n: 1 }, async () => 'paid', AT));
    expect(again).toEqual({ result: 'paid', replayed: false });
  });

  it('runs the work every time without a key', async () => {
    const db = getDb();
    let runs = 0;
    for (let i = 0; i < 2; i += 1)
      await db
        .transaction()
        .execute((trx) => withIdempotency(trx, 'payment', undefined, { n: 1 }, async () => ++runs, AT));
    expect(runs).toBe(2);
    expect(hashRequest({ a: 1, b: [2, { c: 3 }] })).toBe(hashRequest({ b: [2, { c: 3 }], a: 1 }));
  });
});
