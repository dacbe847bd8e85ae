import { makeCreditCode } from '@shebao/domain';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { approveDeferral, runCollection } from '../../workflows/index.ts';
import { verifyLedger } from '../ledger/index.ts';
import { recordPayments } from '../payments/index.ts';
import { createPolicyService } from '../policy/index.ts';

const clock = fixedClock('2025-08-26T02:00:00.000Z');
const deps = (db: Kysely<Database>) => ({ db, clock, policy: createPolicyService(db, clock) });

describeEachDatabase('late-fee deferrals', (getDb) => {
  const codes: string[] = [];
  const payers: string[] = [];
  const approval = { reason: 'Flood, Beijing municipal notice 2025-7', approvedBy: 'officer.li' };

  it('records an approved deferral for a payer named by its credit code', async () => {
    const db = getDb();
    const { employerIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [0, 1, 2].map(() => ({ employees: [{ wageFen: 1_000_000 }] })),
    });
    // July's bills are due on 2025-08-15.
    await runCollection(deps(db), { regionCode: '110000', period: '2025-07' });
    for (const id of employerIds) {
      payers.push(`E${id}`);
      codes.push(
        (
          await db
            .selectFrom('employers')
            .select('credit_code')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).credit_code,
      );
    }
    const deferral = await approveDeferral(deps(db), {
      payerCode: codes[0]!,
      fromDate: '2025-08-01',
      toDate: '2025-08-31',
      ...approval,
    });
    expect(deferral).toMatchObject({
      payerKey: payers[0],
      fromDate: '2025-08-01',
      toDate: '2025-08-31',
      approvedBy: 'officer.li',
      replayed: false,
    });
    await approveDeferral(deps(db), {
      payerCode: codes[1]!,
      fromDate: '2025-08-16',
      toDate: '2025-08-20',
      ...approval,
    });
  });

  it('charges no late fee for the days of an approved deferral', async () => {
    const db = getDb();
    const billOf = (payerKey: string) =>
      db
        .selectFrom('bills')
        .select(['total_fen', 'due_date'])
        .where('payer_key', '=', payerKey)
        .executeTakeFirstOrThrow();
    const bill = await billOf(payers[0]!);
    expect(bill.due_date).toBe('2025-08-15');
    // All three pay their bill ten days late, on 2025-08-25.
    const receipts = await recordPayments(
      deps(db),
      payers.map((payerKey) => ({
        payerKey,
        amountFen: bill.total_fen,
        paidOn: '2025-08-25',
        channel: 'api' as const,
      })),
    );
    const [deferred, partly, control] = receipts;
    expect(deferred!.lateFees).toEqual([]);
    expect(deferred!.creditFen).toBe(0);
    // Five of the ten days were deferred: the fee is for the other five, half of the full fee.
    expect(partly!.lateFees.map((fee) => fee.days)).toEqual([5]);
    expect(control!.lateFees.map((fee) => fee.days)).toEqual([10]);
    const fee = (receipt: typeof control) => receipt!.lateFees.reduce((sum, line) => sum + line.feeFen, 0);
    expect(fee(control)).toBeGreaterThan(0);
    expect(Math.abs(fee(partly) * 2 - fee(control))).toBeLessThanOrEqual(4);
    const report = await verifyLedger(db);
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
  });

  it('returns the first record when the very same deferral is approved again', async () => {
    const db = getDb();
    const again = await approveDeferral(deps(db), {
      payerCode: codes[0]!,
      fromDate: '2025-08-01',
      toDate: '2025-08-31',
      ...approval,
    });
    expect(again.replayed).toBe(true);
    const rows = await db.selectFrom('deferrals').select('id').where('payer_key', '=', payers[0]!).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses bad dates, an unknown payer and an overlapping deferral, naming the field', async () => {
    const db = getDb();
    const base = { payerCode: codes[2]!, fromDate: '2025-09-01', toDate: '2025-09-30', ...approval };
    const refusals: [Partial<typeof base>, string, string][] = [
      [{ toDate: '2025-08-31' }, 'VALIDATION', 'toDate'],
      [{ fromDate: '2025-02-30' }, 'VALIDATION', 'fromDate'],
      [{ reason: ' ' }, 'VALIDATION', 'reason'],
      [{ approvedBy: '' }, 'VALIDATION', 'approvedBy'],
      [{ payerCode: 'nobody' }, 'VALIDATION', 'payerCode'],
      [{ payerCode: makeCreditCode('110000', 99_999_999) }, 'NOT_FOUND', 'payerCode'],
      [{ payerCode: codes[0]!, fromDate: '2025-08-31', reason: 'another' }, 'CONFLICT', 'fromDate'],
    ];
    for (const [change, code, field] of refusals) {
      await expect(approveDeferral(deps(db), { ...base, ...change })).rejects.toMatchObject({ code, field });
    }
    const rows = await db.selectFrom('deferrals').select('id').execute();
    expect(rows).toHaveLength(2);
  });
});
