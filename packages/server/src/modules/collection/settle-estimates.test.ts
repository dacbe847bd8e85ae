import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { verifyLedger } from '../ledger/index.ts';
import { recordPayments } from '../payments/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { LINE_AMOUNT_COLUMNS } from './bill-rows.ts';
import { reassessMonths, runCollection, settleEstimates } from '../../workflows/index.ts';

const clock = fixedClock('2025-11-05T02:00:00.000Z');
const deps = (db: Kysely<Database>) => ({ db, clock, policy: createPolicyService(db, clock) });
const ESTIMATE_COLUMNS = LINE_AMOUNT_COLUMNS.filter((column) => !column.endsWith('_account_fen'));

async function expectVerified(db: Kysely<Database>) {
  const report = await verifyLedger(db);
  expect(report.checks.filter((check) => !check.ok)).toEqual([]);
}

async function billOf(db: Kysely<Database>, billNo: string) {
  return db.selectFrom('bills').selectAll().where('bill_no', '=', billNo).executeTakeFirstOrThrow();
}

async function linesOf(db: Kysely<Database>, billNo: string) {
  return db
    .selectFrom('contribution_lines as l')
    .innerJoin('bills as b', 'b.id', 'l.bill_id')
    .selectAll('l')
    .where('b.bill_no', '=', billNo)
    .orderBy('l.person_id')
    .execute();
}

async function accountEntries(db: Kysely<Database>, period: string, personIds: number[]) {
  return db
    .selectFrom('personal_account_entries')
    .select(['person_id', 'pension_fen', 'medical_fen'])
    .where('period', '=', period)
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .execute();
}

describeEachDatabase('undeclared months (SIL Art. 62)', (getDb) => {
  it('estimates an undeclared month at 110% of the previous one and settles it once declared', async () => {
    const db = getDb();
    const { employerIds, personIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [
        { employees: [{ wageFen: 1_000_000 }, { wageFen: 800_000 }], undeclaredPeriods: ['2025-09'] },
      ],
    });
    const payer = `E${employerIds[0]}`;
    for (const period of ['2025-07', '2025-08', '2025-09'])
      await runCollection(deps(db), { regionCode: '110000', period });

    const august = await linesOf(db, `202508-${payer}`);
    const estimate = await billOf(db, `202509-${payer}`);
    const [estimateLine, ...others] = await linesOf(db, `202509-${payer}`);
    expect(others).toEqual([]);
    expect(estimate.estimated).toBe(1);
    expect(estimateLine!.person_id).toBeNull();
    // Column by column: August's two people summed, × 1.1, half-up to the fen; no personal-account part.
    for (const column of ESTIMATE_COLUMNS) {
      const basis = august.reduce((sum, line) => sum + Number(line[column]), 0);
      expect(Number(estimateLine![column]), column).toBe(Math.floor((basis * 11 + 5) / 10));
    }
    expect(Number(estimateLine!.pension_account_fen)).toBe(0);
    const augustTotal = (await billOf(db, `202508-${payer}`)).total_fen;
    expect(Math.abs(estimate.total_fen * 10 - augustTotal * 11)).toBeLessThanOrEqual(40);
    expect(
      await db.selectFrom('bill_estimates').selectAll().where('bill_id', '=', estimate.id).executeTakeFirst(),
    ).toMatchObject({ method: 'previous-month', basis_period: '2025-08', headcount: 2, rate_ppm: 1_100_000 });

    // July and August were paid, and the estimate is paid on time: nobody's personal account is credited
    // on a guess.
    for (const period of ['202507', '202508']) {
      const bill = await billOf(db, `${period}-${payer}`);
      await recordPayments(deps(db), [
        { payerKey: payer, amountFen: bill.total_fen, paidOn: bill.due_date, channel: 'cli' },
      ]);
    }
    await recordPayments(deps(db), [
      { payerKey: payer, amountFen: estimate.total_fen, paidOn: estimate.due_date, channel: 'cli' },
    ]);
    expect(await accountEntries(db, '2025-09', personIds[0]!)).toEqual([]);
    // Nor is the estimated month re-assessed before it is declared.
    const early = await reassessMonths(deps(db), {
      regionCode: '110000',
      fromPeriod: '2025-09',
      toPeriod: '2025-09',
    });
    expect(early.adjustmentBills).toEqual([]);

    // The employer declares September late; October's run settles it.
    await db
      .insertInto('declarations')
      .values({
        employer_id: employerIds[0]!,
        period: '2025-09',
        declared_on: '2025-10-20',
        recorded_at: 'x',
      })
      .execute();
    await runCollection(deps(db), { regionCode: '110000', period: '2025-10' });
    const settled = await billOf(db, `202509-${payer}-S`);
    const reversal = await billOf(db, `202509-${payer}-SR`);
    expect(settled).toMatchObject({ kind: 'settlement', estimated: 0, due_date: estimate.due_date });
    expect(settled.total_fen).toBe(augustTotal);
    expect(reversal).toMatchObject({ kind: 'settlement', estimated: 1, total_fen: -estimate.total_fen });
    expect((await linesOf(db, `202509-${payer}-S`)).map((line) => line.person_id)).toEqual(
      august.map((line) => line.person_id),
    );
    // The estimate paid the real month in full, so the staff are credited now...
    expect(settled.paid_fen).toBe(settled.total_fen);
    expect((await accountEntries(db, '2025-09', personIds[0]!)).map((entry) => entry.pension_fen)).toEqual([
      80_000, 64_000,
    ]);
    // ...and the 10% paid beyond it goes to October's bill.
    const october = await billOf(db, `202510-${payer}`);
    expect(october.paid_fen).toBe(estimate.total_fen - augustTotal);
    expect(reversal.paid_fen).toBe(reversal.total_fen);

    // Running again settles nothing twice.
    const billCount = async () =>
      Number(
        (
          await db
            .selectFrom('bills')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await billCount();
    expect((await settleEstimates(deps(db), { regionCode: '110000' })).settlements).toEqual([]);
    await runCollection(deps(db), { regionCode: '110000', period: '2025-10' });
    expect(await billCount()).toBe(before);
    expect((await db.selectFrom('bill_offsets').selectAll().execute()).length).toBe(2);
    await expectVerified(db);
  });

  it('estimates a first month from the staff at the average wage, and an unpaid estimate just disappears', async () => {
    const db = getDb();
    const { employerIds, personIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 1_000_000 }, { wageFen: 1_000_000 }, { wageFen: 500_000 }] }],
      declaredMonths: { from: '2025-08', to: '2025-12' },
    });
    const payer = `E${employerIds[0]}`;
    await runCollection(deps(db), { regionCode: '110000', period: '2025-07' });
    const estimate = await billOf(db, `202507-${payer}`);
    expect(estimate.estimated).toBe(1);
    expect(
      await db.selectFrom('bill_estimates').selectAll().where('bill_id', '=', estimate.id).executeTakeFirst(),
    ).toMatchObject({ method: 'headcount', basis_period: null, headcount: 3 });

    await db
      .insertInto('declarations')
      .values({
        employer_id: employerIds[0]!,
        period: '2025-07',
        declared_on: '2025-10-20',
        recorded_at: 'x',
      })
      .execute();
    const { settlements } = await settleEstimates(deps(db), { regionCode: '110000' });
    const settled = await billOf(db, `202507-${payer}-S`);
    expect(settlements).toEqual([
      {
        period: '2025-07',
        payerKey: payer,
        assessedFen: settled.total_fen,
        estimatedFen: estimate.total_fen,
        differenceFen: settled.total_fen - estimate.total_fen,
      },
    ]);
    // The credit cancels the unpaid estimate; the real month is what the employer owes.
    expect((await billOf(db, `202507-${payer}`)).paid_fen).toBe(estimate.total_fen);
    expect(settled.paid_fen).toBe(0);
    expect(await accountEntries(db, '2025-07', personIds[0]!)).toEqual([]);
    await recordPayments(deps(db), [
      { payerKey: payer, amountFen: settled.total_fen, paidOn: '2025-08-15', channel: 'cli' },
    ]);
    expect((await accountEntries(db, '2025-07', personIds[0]!)).length).toBe(3);
    await expectVerified(db);
  });
});
