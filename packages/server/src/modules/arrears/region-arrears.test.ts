import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { runCollection } from '../../workflows/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { regionArrears } from './index.ts';

/** The region's payers with overdue bills, a page at a time, with the late fee running. */
describeEachDatabase('region arrears', (getDb) => {
  const clock = fixedClock('2025-08-10T02:00:00.000Z');
  const deps = () => ({ db: getDb(), clock, policy: createPolicyService(getDb(), clock) });

  it('lists nobody before the due date, then every payer behind, a page at a time', async () => {
    const fixture = await insertCollectionFixture(getDb(), {
      regionCode: '110105',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 800_000 }] }, { employees: [{ wageFen: 900_000 }] }],
      flexible: [{ baseFen: 1_193_700, startPeriod: '2025-07' }],
    });
    await runCollection(deps(), { regionCode: '110105', period: '2025-07' });
    const early = await regionArrears(deps(), { regionCode: '110000', asOf: '2025-08-10', limit: 10 });
    expect(early).toMatchObject({ totalOverdueFen: 0, payersInArrears: 0, items: [] });

    const asOf = '2025-10-31';
    const first = await regionArrears(deps(), { regionCode: '110000', asOf, limit: 2 });
    expect(first.payersInArrears).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(first.nextAfterPayerKey).toBe(first.items[1]!.payer.payerKey);
    const rest = await regionArrears(deps(), {
      regionCode: '110000',
      asOf,
      limit: 2,
      afterPayerKey: first.nextAfterPayerKey!,
    });
    expect(rest.nextAfterPayerKey).toBeNull();
    const items = [...first.items, ...rest.items];
    expect(items.map((item) => item.payer.payerKey).sort()).toEqual(
      [...fixture.employerIds.map((id) => `E${id}`), `P${fixture.flexibleIds[0]}`].sort(),
    );
    expect(items.reduce((sum, item) => sum + item.overdueFen, 0)).toBe(first.totalOverdueFen);
    for (const item of items) {
      expect(item.daysOverdue).toBeGreaterThan(0);
      expect(item.accruingLateFeeFen).toBeGreaterThan(0);
    }
    expect((await regionArrears(deps(), { regionCode: '310000', asOf, limit: 10 })).payersInArrears).toBe(0);
  });
});
