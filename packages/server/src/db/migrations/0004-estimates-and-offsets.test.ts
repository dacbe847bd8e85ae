import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { createPolicyService } from '../../modules/policy/index.ts';
import { seedRegionsIfEmpty } from '../../modules/regions/index.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { migrateToLatest, migrations } from '../index.ts';

const BEFORE_0004 = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0004'));

describeEachDatabase(
  'migration 0004 on a database seeded before it',
  (getDb) => {
    it('adds the national Art. 62 estimate rate that the earlier seed did not have', async () => {
      const db = getDb();
      await migrateToLatest(db, BEFORE_0004);
      await seedRegionsIfEmpty(db);
      await createPolicyService(db, fixedClock('2025-01-01T00:00:00Z')).seedIfEmpty();
      // The seed of that time had no estimate rate.
      await db
        .deleteFrom('policy_parameters')
        .where('name', '=', 'collection.undeclaredEstimateRate')
        .execute();

      await migrateToLatest(db);
      const book = await createPolicyService(db, fixedClock('2025-01-01T00:00:00Z')).loadBook();
      expect(
        book.require<number>('collection.undeclaredEstimateRate', { regionCode: '110000', period: '2025-07' })
          .value,
      ).toBe(1_100_000);
    });
  },
  { migrate: false },
);
