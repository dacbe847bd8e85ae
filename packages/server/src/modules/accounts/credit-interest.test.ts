import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { runCollection } from '../../workflows/index.ts';
import { verifyLedger } from '../ledger/index.ts';
import { recordPayments } from '../payments/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { creditYearInterest } from './index.ts';

const clock = fixedClock('2025-12-31T10:00:00.000Z');

describeEachDatabase('yearly interest on pension personal accounts', (getDb) => {
  const deps = (db: Kysely<Database>) => ({ db, clock, policy: createPolicyService(db, clock) });

  it('credits interest on the year’s paid contributions once, and the sub-ledger still equals control', async () => {
    const db = getDb();
    const { employerIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2024-07',
      employers: [{ employees: [{ wageFen: 1_000_000 }] }],
    });
    for (const period of ['2024-11', '2024-12', '2025-01']) {
      await runCollection(deps(db), { regionCode: '110000', period });
    }
    const bills = await db.selectFrom('bills').select(['total_fen', 'due_date']).orderBy('period').execute();
    await recordPayments(
      deps(db),
      bills.map((bill) => ({
        payerKey: `E${employerIds[0]}`,
        amountFen: bill.total_fen,
        paidOn: bill.due_date,
        channel: 'cli' as const,
      })),
    );
    // 2024: two months of 800.00 paid in, 2.62%, in-year factor 1.083 / 2: 1600 × 0.0262 × 0.5415 = 22.70
    const first = await creditYearInterest(deps(db), { year: 2024, regionCode: '110000' });
    expect(first).toMatchObject({ accounts: 1, interestFen: 2_270, alreadyCredited: false });
    const again = await creditYearInterest(deps(db), { year: 2024, regionCode: '110000' });
    expect(again.alreadyCredited).toBe(true);
    expect((await verifyLedger(db)).ok).toBe(true);
  });
});
