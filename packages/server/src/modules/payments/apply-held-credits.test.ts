import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { reassessMonths, runCollection } from '../../workflows/index.ts';
import { verifyLedger } from '../ledger/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { recordPayments } from './index.ts';

const clock = fixedClock('2025-09-30T02:00:00.000Z'); // after every payment date below: none may be in the future
const deps = (db: Kysely<Database>) => ({ db, clock, policy: createPolicyService(db, clock) });

async function expectVerified(db: Kysely<Database>) {
  const report = await verifyLedger(db);
  expect(report.checks.filter((check) => !check.ok)).toEqual([]);
}

async function bill(db: Kysely<Database>, billNo: string) {
  return db.selectFrom('bills').selectAll().where('bill_no', '=', billNo).executeTakeFirstOrThrow();
}

describeEachDatabase('credits held by a payer', (getDb) => {
  it('uses an overpayment and a credit adjustment on the bills owed, fund by fund', async () => {
    const db = getDb();
    const { employerIds, personIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 1_000_000 }] }],
    });
    const payer = `E${employerIds[0]}`;
    const personId = personIds[0]![0]!;
    await runCollection(deps(db), { regionCode: '110000', period: '2025-07' });
    const july = await bill(db, `202507-${payer}`);
    const [receipt] = await recordPayments(deps(db), [
      { payerKey: payer, amountFen: july.total_fen + 50_000, paidOn: '2025-08-10', channel: 'cli' },
    ]);
    expect(receipt!.creditFen).toBe(50_000);

    // August's run finds the 500 yuan held and puts it on August's bill.
    await runCollection(deps(db), { regionCode: '110000', period: '2025-08' });
    expect((await bill(db, `202508-${payer}`)).paid_fen).toBe(50_000);
    expect(
      (await db.selectFrom('payments').select('unapplied_fen').executeTakeFirstOrThrow()).unapplied_fen,
    ).toBe(0);

    // The base is corrected down to 9000 for the cycle: July and August each get a credit bill, set
    // against August's bill at once (July is paid), and nothing moves between funds.
    await db
      .insertInto('contribution_bases')
      .values({
        person_id: personId,
        employer_id: employerIds[0]!,
        region_code: '110000',
        cycle_start: '2025-07',
        declared_fen: 900_000,
        source: 'correction',
        version: 2,
        declared_on: '2025-08-10',
        recorded_at: '2025-08-10T00:00:00Z',
      })
      .execute();
    const { adjustmentBills } = await reassessMonths(deps(db), {
      regionCode: '110000',
      fromPeriod: '2025-07',
      toPeriod: '2025-08',
    });
    expect(adjustmentBills.map((adjustment) => adjustment.totalFen)).toEqual([-37_000, -37_000]);
    const august = await bill(db, `202508-${payer}`);
    expect(august.paid_fen).toBe(50_000 + 74_000);
    const offsets = await db.selectFrom('bill_offsets').selectAll().orderBy('id').execute();
    expect(offsets.map((offset) => [offset.bill_id, offset.amount_fen])).toEqual([
      [august.id, 37_000],
      [august.id, 37_000],
    ]);
    // Each fund takes its own part of the credit: pension 24%, medical 11.8%, unemployment 1%, injury 0.2%.
    expect(offsets[0]).toMatchObject({
      pension_fen: 24_000,
      medical_fen: 11_800,
      unemployment_fen: 1_000,
      work_injury_fen: 200,
    });

    // Paying the rest settles August; the used-up credits take back what July over-credited.
    await recordPayments(deps(db), [
      {
        payerKey: payer,
        amountFen: august.total_fen - august.paid_fen,
        paidOn: '2025-08-15',
        channel: 'cli',
      },
    ]);
    const balances = await db
      .selectFrom('personal_account_entries')
      .select(['period', (eb) => eb.fn.sum<number>('pension_fen').as('pension')])
      .where('person_id', '=', personId)
      .groupBy('period')
      .orderBy('period')
      .execute();
    // 8% of 9000 for each month.
    expect(balances.map((row) => [row.period, Number(row.pension)])).toEqual([
      ['2025-07', 72_000],
      ['2025-08', 72_000],
    ]);
    await expectVerified(db);
  });

  it('keeps credit offsets append-only', async () => {
    const db = getDb();
    await expect(db.deleteFrom('bill_offsets').execute()).rejects.toThrow(/append-only/);
    await expect(db.updateTable('bill_offsets').set({ amount_fen: 1 }).execute()).rejects.toThrow(
      /append-only/,
    );
  });
});
