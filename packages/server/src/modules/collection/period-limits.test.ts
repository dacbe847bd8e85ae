import { beforeAll, expect, it } from 'vitest';
import { describeEachServer, logIn, type Client } from '../../http/test-server.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';

/**
 * Issue 13, defect 3: periods outside the region's policy coverage or more than the horizon (12 months by
 * default) after the current month are refused, for runs, jobs, adjustments and queries alike. The test
 * clock stands in July 2025, so 2026-07 is the last month allowed.
 */

const PASSWORD = 'period-limits-password';

describeEachServer('period limits', (get) => {
  let staff: Client;
  let employerId = 0;

  beforeAll(async () => {
    const { app, db, server } = get();
    const fixture = await insertCollectionFixture(db, {
      regionCode: '110105',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 800_000 }] }],
    });
    employerId = fixture.employerIds[0]!;
    await app.auth.addUser(
      {
        kind: 'staff',
        userName: 'officer',
        displayName: 'Officer',
        password: PASSWORD,
        roles: ['collection_officer'],
        regionCodes: ['110000'],
      },
      'test',
    );
    staff = await logIn(server, 'staff', { userName: 'officer', password: PASSWORD });
  });

  const post = (url: string, payload: unknown) =>
    staff.request({ method: 'POST', url, payload: payload as never });

  it('refuses collection runs and jobs beyond the horizon or before the coverage, writing nothing', async () => {
    const { db } = get();
    for (const period of ['2026-08', '2310-10', '9641-05', '1862-01', '0000-01']) {
      for (const url of ['/api/collection/runs', '/api/collection/jobs']) {
        const response = await post(url, { regionCode: '110105', period });
        expect(response.statusCode, `${url} ${period}`).toBe(400);
        expect(response.json().detail, `${url} ${period}`).toMatch(/period/);
      }
    }
    const adjust = await post('/api/collection/adjustments', {
      regionCode: '110105',
      fromPeriod: '2025-07',
      toPeriod: '9999-12',
    });
    expect(adjust.statusCode).toBe(400);
    expect(adjust.json().field).toBe('toPeriod');
    expect(await db.selectFrom('collection_runs').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('collection_jobs').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('bills').select('id').execute()).toEqual([]);
  });

  it('runs the last month within the horizon', async () => {
    const response = await post('/api/collection/runs', { regionCode: '110105', period: '2026-07' });
    expect(response.statusCode).toBe(200);
  });

  it('answers no contribution year beyond the horizon (no "end: 10000-06")', async () => {
    const far = await staff.request({
      method: 'GET',
      url: `/api/employers/${employerId}/contribution-year?period=9999-12`,
    });
    expect(far.statusCode).toBe(400);
    expect(far.json().detail).toMatch(/^period: 9999-12 is more than 12 months ahead/);
    const early = await staff.request({
      method: 'GET',
      url: `/api/employers/${employerId}/contribution-year?period=1901-01`,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().detail).toMatch(/before the policy parameters/);
    const near = await staff.request({
      method: 'GET',
      url: `/api/employers/${employerId}/contribution-year?period=2025-09`,
    });
    expect(near.statusCode).toBe(200);
  });

  it('bounds the periods of queries too', async () => {
    const income = await staff.request({ method: 'GET', url: '/api/ledger/income?from=9999-01&to=9999-12' });
    expect(income.statusCode).toBe(400);
    const ancient = await staff.request({ method: 'GET', url: '/api/ledger/income?from=0000-01&to=0000-12' });
    expect(ancient.statusCode).toBe(400);
  });
});
