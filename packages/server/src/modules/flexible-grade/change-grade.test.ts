import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { createRegistrationService } from '../registration/index.ts';
import { changeGrade } from './change-grade.ts';
import { flexibleContribution } from './flexible-contribution.ts';

/** A flexible worker's grade, read and changed from next month on (the clock: 2025-07-15). */
describeEachDatabase('flexible grade', (getDb) => {
  const clock = fixedClock('2025-07-15T02:00:00.000Z');
  const deps = () => {
    const db = getDb();
    const policy = createPolicyService(db, clock);
    return {
      registration: createRegistrationService(db, clock, policy),
      loadBook: () => policy.loadBook(),
      clock,
    };
  };

  it('quotes the grade in force, changes it from next month, and quotes the month at the new grade', async () => {
    const fixture = await insertCollectionFixture(getDb(), {
      regionCode: '110105',
      cycleStart: '2025-07',
      employers: [],
      flexible: [{ baseFen: 1_193_700, startPeriod: '2025-07' }],
    });
    const personId = fixture.flexibleIds[0]!;
    const before = await flexibleContribution(deps(), personId);
    expect(before.fromPeriod).toBe('2025-08');
    const change = await changeGrade(deps(), personId, 1_500_000);
    expect(change).toMatchObject({ changed: true, fromPeriod: '2025-08' });
    expect(change.enrolment).toMatchObject({ gradePpm: 1_500_000, startPeriod: '2025-08', endPeriod: null });
    expect(change.quote).toEqual((await flexibleContribution(deps(), personId)).quote);
    expect((await changeGrade(deps(), personId, 1_500_000)).changed).toBe(false);
  });

  it('refuses an unknown person', async () => {
    await expect(changeGrade(deps(), 999_999, 1_500_000)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'personId',
    });
  });
});
