import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { verifyLedger } from '../ledger/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { reassessMonths, runCollection } from '../../workflows/index.ts';

const clock = fixedClock('2025-10-05T02:00:00.000Z');

describeEachDatabase('retroactive adjustments', (getDb) => {
  const deps = (db: Kysely<Database>) => ({ db, clock, policy: createPolicyService(db, clock) });
  let employerId = 0;
  let personId = 0;

  it('bills a corrected base and a late hire for exactly the months they touch, once', async () => {
    const db = getDb();
    const fixture = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 1_000_000 }] }],
    });
    employerId = fixture.employerIds[0]!;
    personId = fixture.personIds[0]![0]!;
    for (const period of ['2025-07', '2025-08', '2025-09']) {
      await runCollection(deps(db), { regionCode: '110000', period });
    }
    // The base is corrected from 10000 to 12000 for the whole cycle: a new version, not an edit.
    await db
      .insertInto('contribution_bases')
      .values({
        person_id: personId,
        employer_id: employerId,
        region_code: '110000',
        cycle_start: '2025-07',
        declared_fen: 1_200_000,
        source: 'correction',
        version: 2,
        declared_on: '2025-10-01',
        recorded_at: '2025-10-01T00:00:00Z',
      })
      .execute();
    const result = await reassessMonths(deps(db), {
      regionCode: '110000',
      fromPeriod: '2025-07',
      toPeriod: '2025-10',
    });
    // Three billed months (October is not billed yet), each +2000 × (16% + 9.8% + 0.5% + 0.2% + 8% + 2% + 0.5%) = +740.00
    expect(result.adjustmentBills.map((bill) => [bill.period, bill.totalFen])).toEqual([
      ['2025-07', 74_000],
      ['2025-08', 74_000],
      ['2025-09', 74_000],
    ]);
    expect(result.adjustmentBills[0]!.billNo).toBe(`202507-E${employerId}-A1`);
    const again = await reassessMonths(deps(db), {
      regionCode: '110000',
      fromPeriod: '2025-07',
      toPeriod: '2025-10',
    });
    expect(again.adjustmentBills).toEqual([]);
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it('credits the months a parameter lowered after they were billed', async () => {
    const db = getDb();
    const policy = createPolicyService(db, clock);
    await policy.addVersion(
      {
        name: 'contribution.rate',
        regionCode: '110000',
        insurance: 'medical',
        party: 'employer',
        category: 'employee',
        validFrom: '2025-09',
        validTo: null,
        value: 90_000,
        source: 'late notice (test)',
      },
      'tester',
    );
    const result = await reassessMonths(
      { db, clock, policy },
      { regionCode: '110000', fromPeriod: '2025-07', toPeriod: '2025-09' },
    );
    // 12000 × (9.8% − 9%) = 96.00 back for September only
    expect(result.adjustmentBills.map((bill) => [bill.billNo, bill.totalFen])).toEqual([
      [`202509-E${employerId}-A2`, -9_600],
    ]);
    expect((await verifyLedger(db)).ok).toBe(true);
  });
});
