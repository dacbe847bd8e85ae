import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { applyPaymentReversal, reassessMonths, runCollection } from '../../workflows/index.ts';
import { verifyLedger } from '../ledger/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { recordPayments } from './index.ts';

const clock = fixedClock('2025-11-20T02:00:00.000Z');
const WHO = { proposedBy: 'staff:collector', approvedBy: 'staff:admin' };

describeEachDatabase('reversing a payment after a retroactive credit', (getDb) => {
  const deps = (db: Kysely<Database>) => ({ db, clock, policy: createPolicyService(db, clock) });

  it('keeps every credit bill within its credit, and the ledger verifies', async () => {
    const db = getDb();
    const { employerIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 1_000_000 }, { wageFen: 800_000 }] }],
    });
    const payerKey = `E${employerIds[0]}`;
    for (const period of ['2025-07', '2025-08', '2025-09'])
      await runCollection(deps(db), { regionCode: '110000', period });
    const owed = await db
      .selectFrom('bills')
      .select((eb) => eb.fn.sum<number>('total_fen').as('total'))
      .where('payer_key', '=', payerKey)
      .executeTakeFirstOrThrow();
    const [first] = await recordPayments(deps(db), [
      { payerKey, amountFen: Number(owed.total), paidOn: '2025-10-10', channel: 'cli' },
    ]);

    // The medical rate is cut back to July after the months were paid: each month gets a credit bill.
    await deps(db).policy.addVersion(
      {
        name: 'contribution.rate',
        regionCode: '110000',
        insurance: 'medical',
        party: 'employer',
        category: 'employee',
        validFrom: '2025-07',
        validTo: null,
        value: 60_000,
        source: 'late notice (test)',
      },
      'tester',
    );
    // ...and the unemployment rate raised at the same time: each month's adjustment bill is a credit
    // in one fund and a charge in another (a mixed bill), its total negative.
    await deps(db).policy.addVersion(
      {
        name: 'contribution.rate',
        regionCode: '110000',
        insurance: 'unemployment',
        party: 'employer',
        category: 'employee',
        validFrom: '2025-07',
        validTo: null,
        value: 15_000,
        source: 'late notice (test)',
      },
      'tester',
    );
    const credits = await reassessMonths(deps(db), {
      regionCode: '110000',
      fromPeriod: '2025-07',
      toPeriod: '2025-09',
    });
    expect(credits.adjustmentBills.every((bill) => bill.totalFen < 0)).toBe(true);
    const mixed = await db
      .selectFrom('bills')
      .select(['medical_fen', 'unemployment_fen'])
      .where('payer_key', '=', payerKey)
      .where('kind', '=', 'adjustment')
      .execute();
    expect(mixed.every((bill) => bill.medical_fen < 0 && bill.unemployment_fen > 0)).toBe(true);
    // October is billed; the credit pays it, and a second payment covers the rest.
    await runCollection(deps(db), { regionCode: '110000', period: '2025-10' });
    const [second] = await recordPayments(deps(db), [
      { payerKey, amountFen: 300_000, paidOn: '2025-11-16', channel: 'cli' },
    ]);
    expect((await verifyLedger(db)).checks.filter((check) => !check.ok)).toEqual([]);

    for (const payment of [first!, second!]) {
      await db
        .transaction()
        .execute((trx) =>
          applyPaymentReversal(
            trx,
            { paymentNo: payment.paymentNo, reason: 'returned by the bank' },
            WHO,
            '2025-11-20T02:00:00.000Z',
          ),
        );
      expect((await verifyLedger(db)).checks.filter((check) => !check.ok)).toEqual([]);
    }
    // A mixed bill gave at most its credit and is owed at most its charge.
    const bills = await db
      .selectFrom('bills')
      .select(['bill_no', 'paid_fen', 'pension_fen', 'medical_fen', 'unemployment_fen', 'work_injury_fen'])
      .where('payer_key', '=', payerKey)
      .where('kind', '=', 'adjustment')
      .execute();
    for (const bill of bills) {
      const funds = [bill.pension_fen, bill.medical_fen, bill.unemployment_fen, bill.work_injury_fen].map(
        Number,
      );
      const credit = funds.filter((fen) => fen < 0).reduce((a, b) => a + b, 0);
      const charge = funds.filter((fen) => fen > 0).reduce((a, b) => a + b, 0);
      expect(Number(bill.paid_fen)).toBeGreaterThanOrEqual(credit);
      expect(Number(bill.paid_fen)).toBeLessThanOrEqual(charge);
    }
  });
});
