import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase, expectPersonYearSummariesKept } from '../../testing/index.ts';
import { applyPaymentReversal, runCollection } from '../../workflows/index.ts';
import { verifyLedger } from '../ledger/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { recordPayments } from './index.ts';

const recordClock = fixedClock('2025-09-30T02:00:00.000Z'); // after every payment date below: none may be in the future
const deps = (db: Kysely<Database>) => ({
  db,
  clock: recordClock,
  policy: createPolicyService(db, recordClock),
});
const WHO = { proposedBy: 'staff:collector', approvedBy: 'staff:admin' };

async function expectVerified(db: Kysely<Database>) {
  const report = await verifyLedger(db);
  expect(report.checks.filter((check) => !check.ok)).toEqual([]);
}

function reverse(db: Kysely<Database>, paymentNo: string, at = '2025-09-05T02:00:00.000Z') {
  return db
    .transaction()
    .execute((trx) => applyPaymentReversal(trx, { paymentNo, reason: 'returned by the bank' }, WHO, at));
}

async function pay(db: Kysely<Database>, payerKey: string, amountFen: number, paidOn: string) {
  const [receipt] = await recordPayments(deps(db), [{ payerKey, amountFen, paidOn, channel: 'cli' }]);
  return receipt!;
}

async function billOf(
  db: Kysely<Database>,
  payerKey: string,
  period: string,
  kind: 'regular' | 'late_fee' = 'regular',
) {
  return db
    .selectFrom('bills')
    .selectAll()
    .where('payer_key', '=', payerKey)
    .where('period', '=', period)
    .where('kind', '=', kind)
    .executeTakeFirstOrThrow();
}

/** Net personal-account credits of a bill (contributions less take-backs), and what its lines hold. */
async function accounts(db: Kysely<Database>, billId: number) {
  const credited = await db
    .selectFrom('personal_account_entries')
    .select((eb) => [
      eb.fn.sum<number>('pension_fen').as('pension'),
      eb.fn.sum<number>('medical_fen').as('medical'),
    ])
    .where('bill_id', '=', billId)
    .executeTakeFirstOrThrow();
  const parts = await db
    .selectFrom('contribution_lines')
    .select((eb) => [
      eb.fn.sum<number>('pension_account_fen').as('pension'),
      eb.fn.sum<number>('medical_account_fen').as('medical'),
    ])
    .where('bill_id', '=', billId)
    .executeTakeFirstOrThrow();
  return {
    creditedFen: Number(credited.pension ?? 0) + Number(credited.medical ?? 0),
    partsFen: Number(parts.pension) + Number(parts.medical),
    partsPensionFen: Number(parts.pension),
  };
}

async function paidOf(db: Kysely<Database>, billId: number) {
  const row = await db
    .selectFrom('bills')
    .select('paid_fen')
    .where('id', '=', billId)
    .executeTakeFirstOrThrow();
  return Number(row.paid_fen);
}

describeEachDatabase('payment reversal', (getDb) => {
  let payers: string[] = [];

  beforeAll(async () => {
    const db = getDb();
    const { employerIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [1_200_000, 900_000, 800_000, 700_000, 1_000_000, 600_000].map((wageFen) => ({
        employees: [{ wageFen }],
      })),
    });
    payers = employerIds.map((id) => `E${id}`);
    await runCollection(deps(db), { regionCode: '110000', period: '2025-07' });
  });

  it('reopens a bill paid in full, takes the personal-account credits back, and lets it be paid again', async () => {
    const db = getDb();
    const payer = payers[0]!;
    const july = await billOf(db, payer, '2025-07');
    const receipt = await pay(db, payer, july.total_fen, '2025-08-10');
    const { creditedFen, partsFen, partsPensionFen } = await accounts(db, july.id);
    expect(partsFen).toBeGreaterThan(0);
    expect(creditedFen).toBe(partsFen);

    const voucher = await reverse(db, receipt.paymentNo);
    expect(voucher).toMatchObject({
      reversalNo: `REV-${receipt.paymentNo}`,
      amountFen: july.total_fen,
      reversedOn: '2025-09-05',
      heldCreditRemovedFen: 0,
      allocationsReversed: [{ billNo: july.bill_no, amountFen: july.total_fen }],
      lateFeesCancelled: [],
      accountCreditsTakenBack: [{ billNo: july.bill_no, pensionFen: partsPensionFen }],
    });
    expect(await paidOf(db, july.id)).toBe(0);
    expect((await accounts(db, july.id)).creditedFen).toBe(0);
    // Every posting of the payment has its mirror, pointing at it.
    const mirrors = await db
      .selectFrom('journal_transactions')
      .select(['kind', 'reverses_id'])
      .where('event_key', 'like', `reverse:REV-${receipt.paymentNo}:%`)
      .execute();
    expect(mirrors.length).toBeGreaterThanOrEqual(4);
    expect(mirrors.every((row) => row.kind === 'reversal' && row.reverses_id !== null)).toBe(true);
    await expectVerified(db);

    // Paid again: the bill is settled and the accounts credited once more, as a new journal event.
    const again = await pay(db, payer, july.total_fen, '2025-08-14');
    expect(again.allocations).toEqual([
      expect.objectContaining({ billNo: july.bill_no, amountFen: july.total_fen }),
    ]);
    expect(await paidOf(db, july.id)).toBe(july.total_fen);
    expect((await accounts(db, july.id)).creditedFen).toBe(partsFen);
    const credits = await db
      .selectFrom('journal_transactions')
      .select('event_key')
      .where('event_key', 'in', [`account-credit:${july.bill_no}`, `account-credit:${july.bill_no}:2`])
      .where('fund', '=', 'pension')
      .execute();
    expect(credits).toHaveLength(2);
    await expectVerified(db);
  });

  it('reverses a partial payment: the bill owes again what it paid, no account was credited', async () => {
    const db = getDb();
    const payer = payers[1]!;
    const july = await billOf(db, payer, '2025-07');
    const entriesBefore = await db
      .selectFrom('personal_account_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const receipt = await pay(db, payer, 100_000, '2025-08-10');
    expect(await paidOf(db, july.id)).toBe(100_000);
    const voucher = await reverse(db, receipt.paymentNo);
    expect(voucher.accountCreditsTakenBack).toEqual([]);
    expect(voucher.allocationsReversed).toEqual([expect.objectContaining({ amountFen: 100_000 })]);
    expect(await paidOf(db, july.id)).toBe(0);
    const entriesAfter = await db
      .selectFrom('personal_account_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(entriesAfter.n)).toBe(Number(entriesBefore.n));
    await expectVerified(db);
  });

  it('removes the credit an overpayment left with the payer', async () => {
    const db = getDb();
    const payer = payers[2]!;
    const july = await billOf(db, payer, '2025-07');
    const receipt = await pay(db, payer, july.total_fen + 30_000, '2025-08-10');
    expect(receipt.creditFen).toBe(30_000);
    const voucher = await reverse(db, receipt.paymentNo);
    expect(voucher.heldCreditRemovedFen).toBe(30_000);
    const payment = await db
      .selectFrom('payments')
      .select('unapplied_fen')
      .where('payment_no', '=', receipt.paymentNo)
      .executeTakeFirstOrThrow();
    expect(Number(payment.unapplied_fen)).toBe(0);
    expect(await paidOf(db, july.id)).toBe(0);
    await expectVerified(db);
  });

  it('un-applies held credit the payment had paid later bills with', async () => {
    const db = getDb();
    const payer = payers[3]!;
    const july = await billOf(db, payer, '2025-07');
    const receipt = await pay(db, payer, july.total_fen + 40_000, '2025-08-10');
    // The next month's run sets the held 400.00 against the new August bill.
    await runCollection(deps(db), { regionCode: '110000', period: '2025-08' });
    const august = await billOf(db, payer, '2025-08');
    expect(await paidOf(db, august.id)).toBe(40_000);

    const voucher = await reverse(db, receipt.paymentNo);
    expect(voucher.heldCreditRemovedFen).toBe(0);
    expect(voucher.allocationsReversed.map((row) => [row.billNo, row.amountFen])).toEqual([
      [july.bill_no, july.total_fen],
      [august.bill_no, 40_000],
    ]);
    expect(await paidOf(db, july.id)).toBe(0);
    expect(await paidOf(db, august.id)).toBe(0);
    await expectVerified(db);
  });

  it('cancels the late fee the payment caused, and bills it anew when the arrears are really paid', async () => {
    const db = getDb();
    const payer = payers[4]!;
    const july = await billOf(db, payer, '2025-07');
    const august = await billOf(db, payer, '2025-08');
    // July was due 2025-08-15 and is paid 10 days late, August on time; the extra pays July's fee.
    const receipt = await pay(db, payer, july.total_fen + august.total_fen + 5_000, '2025-08-25');
    expect(receipt.lateFees[0]).toMatchObject({ sourceBillNo: july.bill_no, days: 10 });
    const fee = await billOf(db, payer, '2025-08', 'late_fee');
    expect(await paidOf(db, fee.id)).toBe(fee.total_fen);

    const voucher = await reverse(db, receipt.paymentNo);
    expect(voucher.lateFeesCancelled).toEqual([
      { billNo: fee.bill_no, creditBillNo: `LFR-${receipt.paymentNo}`, feeFen: fee.total_fen },
    ]);
    const credit = await db
      .selectFrom('bills')
      .selectAll()
      .where('bill_no', '=', `LFR-${receipt.paymentNo}`)
      .executeTakeFirstOrThrow();
    expect(credit).toMatchObject({ kind: 'late_fee', total_fen: -fee.total_fen, paid_fen: -fee.total_fen });
    expect(await paidOf(db, fee.id)).toBe(fee.total_fen);
    expect(await paidOf(db, july.id)).toBe(0);
    expect(await paidOf(db, august.id)).toBe(0);
    expect((await accounts(db, july.id)).creditedFen).toBe(0);
    expect(voucher.accountCreditsTakenBack.map((row) => row.billNo)).toEqual([july.bill_no, august.bill_no]);
    await expectVerified(db);

    // The real payment, 17 days after the due date: the fee runs from the due date to it, once.
    const real = await pay(db, payer, july.total_fen, '2025-09-01');
    expect(real.allocations[0]).toMatchObject({ billNo: july.bill_no, amountFen: july.total_fen });
    expect(real.lateFees).toEqual([expect.objectContaining({ sourceBillNo: july.bill_no, days: 17 })]);
    await expectVerified(db);
  });

  it('lets another payment held as credit pay a reopened bill again', async () => {
    const db = getDb();
    const payer = payers[5]!;
    const july = await billOf(db, payer, '2025-07');
    const august = await billOf(db, payer, '2025-08');
    // The first pays July; the second pays August and keeps 500.00 as credit.
    const first = await pay(db, payer, july.total_fen, '2025-08-10');
    const second = await pay(db, payer, august.total_fen + 50_000, '2025-08-10');
    expect(second.creditFen).toBe(50_000);
    await reverse(db, first.paymentNo);
    // July reopened; the second payment's credit paid 500.00 of it at once.
    expect(await paidOf(db, july.id)).toBe(50_000);
    expect(await paidOf(db, august.id)).toBe(august.total_fen);
    await expectVerified(db);
    const rest = await pay(db, payer, july.total_fen - 50_000, '2025-08-14');
    expect(rest.creditFen).toBe(0);
    expect(await paidOf(db, july.id)).toBe(july.total_fen);
    expect((await accounts(db, july.id)).creditedFen).toBe((await accounts(db, july.id)).partsFen);
    await expectVerified(db);

    // Reversing the second payment takes back what it paid when recorded and what its credit paid later.
    const voucher = await reverse(db, second.paymentNo, '2025-09-06T02:00:00.000Z');
    expect(voucher.allocationsReversed.map((row) => [row.billNo, row.amountFen])).toEqual([
      [august.bill_no, august.total_fen],
      [july.bill_no, 50_000],
    ]);
    expect(await paidOf(db, july.id)).toBe(july.total_fen - 50_000);
    expect(await paidOf(db, august.id)).toBe(0);
    expect((await accounts(db, july.id)).creditedFen).toBe(0);
    expect((await accounts(db, august.id)).creditedFen).toBe(0);
    await expectVerified(db);
  });

  it('refuses to reverse a payment twice, an unknown payment, and a request without a reason', async () => {
    const db = getDb();
    const payer = payers[0]!;
    const receipt = await pay(db, payer, 1_000, '2025-08-14');
    await reverse(db, receipt.paymentNo);
    await expect(reverse(db, receipt.paymentNo)).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'paymentNo',
    });
    await expect(reverse(db, 'PAY20250814NOSUCH')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'paymentNo',
    });
    await expect(
      db
        .transaction()
        .execute((trx) =>
          applyPaymentReversal(
            trx,
            { paymentNo: receipt.paymentNo, reason: ' ' },
            WHO,
            '2025-09-05T00:00:00Z',
          ),
        ),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'reason' });
    // The reversal rows are append-only like the allocations they take back.
    await expect(sql`update allocation_reversals set amount_fen = 1`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from payment_reversals`.execute(db)).rejects.toThrow(/append-only/);
    await expectVerified(db);
  });

  it('keeps the person year summaries through reversals and credits taken back', async () => {
    await expectPersonYearSummariesKept(getDb());
  });
});
