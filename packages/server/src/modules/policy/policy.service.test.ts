import { SEED_PARAMETERS } from '@shebao/domain';
import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { seedRegionsIfEmpty } from '../regions/index.ts';
import { createPolicyService, type NewParameterVersion } from './index.ts';

const clock = fixedClock('2025-09-10T02:00:00.000Z');

const wage: NewParameterVersion = {
  name: 'base.averageWage',
  regionCode: '110000',
  insurance: null,
  party: null,
  category: null,
  validFrom: '2026-07',
  validTo: null,
  value: 1_230_000,
  source: 'test: the 2026 average wage',
};

describeEachDatabase('policy parameters', (getDb) => {
  it('seeds an empty table once, and the book finds the seeded values', async () => {
    const db = getDb();
    await seedRegionsIfEmpty(db);
    const policy = createPolicyService(db, clock);
    expect(await policy.seedIfEmpty()).toBe(SEED_PARAMETERS.length);
    expect(await policy.seedIfEmpty()).toBe(0);
    const book = await policy.loadBook();
    expect(book.require<number>('base.averageWage', { regionCode: '110105', period: '2025-09' }).value).toBe(
      1_193_700,
    );
  });

  it('gives a table in use the parameters it has never had, and nothing it has', async () => {
    const db = getDb();
    const policy = createPolicyService(db, clock);
    // As a database from before the application clocks existed.
    await db.deleteFrom('policy_parameters').where('name', '=', 'benefits.decisionClock').execute();
    const wages = await db
      .selectFrom('policy_parameters')
      .select('id')
      .where('name', '=', 'base.averageWage')
      .execute();
    const clocks = SEED_PARAMETERS.filter((parameter) => parameter.name === 'benefits.decisionClock').length;
    expect(clocks).toBeGreaterThan(0);
    expect(await policy.seedIfEmpty()).toBe(clocks);
    expect(await policy.seedIfEmpty()).toBe(0);
    const after = await db
      .selectFrom('policy_parameters')
      .select('id')
      .where('name', '=', 'base.averageWage')
      .execute();
    expect(after).toEqual(wages);
  });

  it('adds a version as a new row, numbered after the last, and the book sees it at once', async () => {
    const policy = createPolicyService(getDb(), clock);
    await policy.loadBook();
    const first = await policy.addVersion(wage, 'staff:admin', { approvedBy: 'staff:second' });
    const second = await policy.addVersion({ ...wage, value: 1_240_000 }, 'staff:admin');
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(second.recordedAt).toBe('2025-09-10T02:00:00.000Z');
    const book = await policy.loadBook();
    expect(book.require<number>('base.averageWage', { regionCode: '110000', period: '2026-08' }).value).toBe(
      1_240_000,
    );
    const listed = await policy.list({ name: 'base.averageWage', regionCode: '110000' });
    expect(listed.filter((row) => row.validFrom === '2026-07').map((row) => row.value)).toEqual(
      expect.arrayContaining([1_230_000, 1_240_000]),
    );
  });

  it('refuses a version the catalogue does not allow, naming the field', async () => {
    const policy = createPolicyService(getDb(), clock);
    for (const [input, field] of [
      [{ ...wage, name: 'no.such.parameter' }, 'name'],
      [{ ...wage, regionCode: '999999' }, 'regionCode'],
      [{ ...wage, validTo: '2026-01' }, 'validTo'],
      [{ ...wage, source: ' ' }, 'source'],
      [{ ...wage, insurance: 'pension' as const }, 'insurance'],
    ] as const) {
      await expect(policy.checkVersion(input)).rejects.toMatchObject({ field });
    }
  });

  it('refuses a period past the horizon or before the region’s parameters begin', async () => {
    const policy = createPolicyService(getDb(), clock, { periodHorizonMonths: 12 });
    await expect(policy.checkPeriod('2026-09', 'period')).resolves.toBeUndefined();
    await expect(policy.checkPeriod('2026-10', 'period')).rejects.toMatchObject({ field: 'period' });
    await expect(policy.checkPeriod('1980-01', 'query.from', '110000')).rejects.toMatchObject({
      field: 'query.from',
    });
  });
});
