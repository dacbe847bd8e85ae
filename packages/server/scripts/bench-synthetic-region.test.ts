import { findContributionCycle } from '@shebao/domain';
import { expect, it } from 'vitest';
import { fixedClock } from '../src/app/clock.ts';
import { verifyLedger } from '../src/modules/ledger/index.ts';
import { createPolicyService } from '../src/modules/policy/index.ts';
import { seedRegionsIfEmpty } from '../src/modules/regions/index.ts';
import { describeEachDatabase } from '../src/testing/index.ts';
import { runCollection } from '../src/workflows/index.ts';
import { insertSyntheticRegion } from './bench-synthetic-region.ts';

/**
 * The benchmarks' synthetic region is loaded through registration's own bulk writer and assessed by the
 * real month run, so what the benchmarks time is the code production runs (issue 14, item 5). Small here;
 * the benchmarks load millions.
 */
describeEachDatabase('the synthetic benchmark region', (getDb) => {
  it('loads a region the real month run assesses in full, the ledger verifying after', async () => {
    const db = getDb();
    const clock = fixedClock('2025-08-01T02:00:00.000Z');
    await seedRegionsIfEmpty(db);
    const policy = createPolicyService(db, clock);
    await policy.seedIfEmpty();
    const book = await policy.loadBook();
    const region = await insertSyntheticRegion(db, {
      regionCode: '110000',
      period: '2025-07',
      cycleStart: findContributionCycle(book, '110000', '2025-07').start,
      persons: 2_000,
      flexiblePpm: 30_000,
      layout: 'scattered',
      averageWageFen: book.require<number>('base.averageWage', { regionCode: '110000', period: '2025-07' })
        .value,
      recordedAt: '2025-07-05T01:00:00.000Z',
      seed: 20250701,
    });
    // 3% of 2,000 persons pay alone; everyone else is an employee with a base for the cycle.
    expect(region.flexible).toBe(60);
    expect(region.employees).toBe(1_940);
    const counts = await Promise.all(
      (['persons', 'employments', 'contribution_bases', 'flexible_enrolments'] as const).map(async (table) =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ),
    );
    expect(counts).toEqual([2_000, 1_940, 1_940, 60]);

    const run = await runCollection({ db, clock, policy }, { regionCode: '110000', period: '2025-07' });
    expect(run.personMonths).toBe(2_000);
    expect(run.bills).toBe(region.employers + region.flexible);
    const verified = await verifyLedger(db);
    expect(verified.ok).toBe(true);
  });
});
