import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { AppError } from '../../errors/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { runCollection } from '../../workflows/index.ts';
import { verifyLedger } from '../ledger/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { recordPayment, recordPayments } from './index.ts';

const clock = fixedClock('2025-09-30T02:00:00.000Z'); // after every payment date below: none may be in the future
const deps = (db: Kysely<Database>) => ({ db, clock, policy: createPolicyService(db, clock) });

async function expectVerified(db: Kysely<Database>) {
  const report = await verifyLedger(db);
  expect(report.checks.filter((check) => !check.ok)).toEqual([]);
}

async function count(db: Kysely<Database>, table: keyof Database) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDatabase('payments', (getDb) => {
  let payer = '';
  let billTotal = 0;
  let accountPart = 0;

  it('pays the bill in full on time and credits the personal accounts', async () => {
    const db = getDb();
    const { employerIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 2_000_000 }, { wageFen: 1_000_000 }] }],
    });
    payer = `E${employerIds[0]}`;
    await runCollection(deps(db), { regionCode: '110000', period: '2025-07' });
    await runCollection(deps(db), { regionCode: '110000', period: '2025-08' });
    const bill = await db
      .selectFrom('bills')
      .selectAll()
      .where('period', '=', '2025-07')
      .executeTakeFirstOrThrow();
    billTotal = bill.total_fen;
    // pension 8% + medical 2% of 20000 and of 10000
    accountPart = 160_000 + 40_000 + 80_000 + 20_000;

    const receipts = await recordPayments(deps(db), [
      { payerKey: payer, amountFen: billTotal, paidOn: '2025-08-10', bankReference: 'BK-1', channel: 'cli' },
    ]);
    expect(receipts[0]).toMatchObject({
      payerKey: payer,
      amountFen: billTotal,
      creditFen: 0,
      lateFees: [],
      allocations: [{ billNo: bill.bill_no, amountFen: billTotal }],
    });
    const paid = await db
      .selectFrom('bills')
      .select('paid_fen')
      .where('id', '=', bill.id)
      .executeTakeFirstOrThrow();
    expect(paid.paid_fen).toBe(billTotal);
    const accounts = await db
      .selectFrom('personal_account_entries')
      .select((eb) => [
        eb.fn.sum<number>('pension_fen').as('pension'),
        eb.fn.sum<number>('medical_fen').as('medical'),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(accounts.pension) + Number(accounts.medical)).toBe(accountPart);
    await expectVerified(db);
  });

  it('splits a late partial payment, bills the late fee, and credits accounts only once the bill is paid', async () => {
    const db = getDb();
    const august = await db
      .selectFrom('bills')
      .selectAll()
      .where('period', '=', '2025-08')
      .executeTakeFirstOrThrow();
    const entriesBefore = await count(db, 'personal_account_entries');
    // Due 2025-09-15; paid 10 days late.
    const [first] = await recordPayments(deps(db), [
      { payerKey: payer, amountFen: 100_000, paidOn: '2025-09-25', channel: 'cli' },
    ]);
    expect(first!.allocations).toEqual([
      expect.objectContaining({ billNo: august.bill_no, amountFen: 100_000 }),
    ]);
    // 1000.00 paid 10 days late at 0.05% a day = 5.00, split per fund and rounded per fund
    const fee = first!.lateFees.reduce((sum, line) => sum + line.feeFen, 0);
    expect(fee).toBeGreaterThanOrEqual(499);
    expect(fee).toBeLessThanOrEqual(501);
    expect(first!.lateFees[0]).toMatchObject({ days: 10, principalFen: 100_000 });
    expect(await count(db, 'personal_account_entries')).toBe(entriesBefore);

    const [second] = await recordPayments(deps(db), [
      { payerKey: payer, amountFen: august.total_fen, paidOn: '2025-09-25', channel: 'cli' },
    ]);
    // The rest of August, then the open late fee, and the remainder is kept as credit.
    expect(second!.allocations[0]).toMatchObject({
      billNo: august.bill_no,
      amountFen: august.total_fen - 100_000,
    });
    expect(second!.allocations.some((allocation) => allocation.kind === 'late_fee')).toBe(true);
    expect(second!.creditFen).toBeGreaterThan(0);
    expect(await count(db, 'personal_account_entries')).toBe(entriesBefore + 2);
    await expectVerified(db);
  });

  it('replays a repeated request with the same idempotency key and refuses a different one', async () => {
    const db = getDb();
    const input = { payerKey: payer, amountFen: 12_345, paidOn: '2025-09-26', channel: 'api' as const };
    const first = await recordPayment(deps(db), input, 'key-1');
    const paymentsBefore = await count(db, 'payments');
    const again = await recordPayment(deps(db), input, 'key-1');
    expect(again.replayed).toBe(true);
    expect(again.receipt).toEqual(first.receipt);
    expect(await count(db, 'payments')).toBe(paymentsBefore);
    await expect(recordPayment(deps(db), { ...input, amountFen: 1 }, 'key-1')).rejects.toThrow(
      /different request/,
    );
    await expectVerified(db);
  });

  it('refuses a bank reference recorded before and bad input, writing nothing', async () => {
    const db = getDb();
    const before = await count(db, 'journal_entries');
    const duplicate = recordPayments(deps(db), [
      { payerKey: payer, amountFen: 500, paidOn: '2025-09-26', bankReference: 'BK-1', channel: 'bank' },
    ]);
    await expect(duplicate).rejects.toThrow(/BK-1 was already recorded/);
    await expect(
      recordPayments(deps(db), [{ payerKey: payer, amountFen: 0, paidOn: '2025-09-26', channel: 'bank' }]),
    ).rejects.toBeInstanceOf(AppError);
    expect(await count(db, 'journal_entries')).toBe(before);
  });

  it('keeps the journal append-only', async () => {
    const db = getDb();
    await expect(db.updateTable('journal_entries').set({ amount_fen: 1 }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('personal_account_entries').execute()).rejects.toThrow(/append-only/);
  });
});
