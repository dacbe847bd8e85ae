import { collectAndPayMonths } from '../testing/benefit-fixtures.ts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachServer, logIn, type Client } from '../http/test-server.ts';
import { insertCollectionFixture } from '../testing/collection-fixture.ts';

const PASSWORD = 'invite-password-1';

describeEachServer('the invitations to claim the pension and the forecast on the record', (get) => {
  let officer: Client;
  let person: Client;
  let ids: number[] = [];

  beforeAll(async () => {
    const { app, db, server } = get();
    // A and B paid from 2024-07 and 2025-01 to 2025-06 (12 and 6 months); C has an application already;
    // D retires later; E, a woman, whose original age the register does not know.
    const fixture = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2024-07',
      employers: [
        {
          employees: [
            { wageFen: 1_000_000, hiredOn: '2024-07-01' },
            { wageFen: 1_000_000, hiredOn: '2025-01-01' },
            { wageFen: 1_000_000, hiredOn: '2024-07-01' },
            { wageFen: 1_000_000, hiredOn: '2024-07-01' },
            { wageFen: 1_000_000, hiredOn: '2024-07-01' },
          ],
        },
      ],
      declaredMonths: { from: '2024-07', to: '2025-12' },
    });
    ids = fixture.personIds[0]!;
    const employerId = fixture.employerIds[0]!;
    // Men born in September 1965 retire at 60 years 3 months, in 2025-12 (docs/RULES.md 4.10).
    for (const [index, birth] of ['1965-09-15', '1965-09-20', '1965-09-25', '1966-09-01'].entries())
      await db
        .updateTable('persons')
        .set({ birth_date: birth, sex: 'male' })
        .where('id', '=', ids[index]!)
        .execute();
    // Born 1970-09: at 50 she would have retired in 2020-09; at 55 (+3 months, docs/RULES.md 4.10) in 2025-12.
    await db
      .updateTable('persons')
      .set({ birth_date: '1970-09-10', sex: 'female' })
      .where('id', '=', ids[4]!)
      .execute();
    // For a short test history the region asks 14 months (the national minimum is 180: docs/RULES.md 4.12).
    await app.policy.addVersion(
      {
        name: 'pension.minContributionMonths',
        regionCode: '110000',
        insurance: null,
        party: null,
        category: null,
        validFrom: '2025-01',
        validTo: null,
        value: 14,
        source: 'test: a short history',
      },
      'test',
    );
    await collectAndPayMonths(app, { employerId, from: '2024-07', to: '2025-06' });
    await app.benefits.file(
      {
        personId: ids[2]!,
        application: { kind: 'pension', facts: { payee: { kind: 'card', account: '622202020011223' } } },
      },
      { login: 'staff:seed', side: 'staff' },
    );
    await app.auth.addUser(
      {
        kind: 'staff',
        userName: 'zhou',
        displayName: 'Zhou',
        password: PASSWORD,
        roles: ['benefits_officer'],
        regionCodes: ['110000'],
      },
      'test',
    );
    officer = await logIn(server, 'staff', { userName: 'zhou', password: PASSWORD });
    await app.auth.addUser({ kind: 'person', personId: ids[0]!, password: PASSWORD }, 'test');
    const { idNumber } = await app.registration.getPerson(ids[0]!);
    person = await logIn(server, 'person', { idNumber, password: PASSWORD });
  });

  it('invites those retiring within three months with the minimum, tells the others the shortfall, once', async () => {
    const run = () =>
      officer.request({
        method: 'POST',
        url: '/api/retirement-invitation-runs',
        payload: { regionCode: '110000', period: '2025-09' },
      });
    const first = await run();
    expect(first.statusCode).toBe(200);
    // A: 12 paid + October to December still payable (3) = 15 ≥ 14: invited. B: 6 + 3 = 9: 5 short.
    // C claims already; D retires in 2026-12, outside the window; E is asked as of 55 (15 months): invited.
    expect(first.json()).toEqual({
      regionCode: '110000',
      period: '2025-09',
      considered: 4,
      claiming: 1,
      invited: 2,
      toldShortfall: 1,
      alreadySent: 0,
    });
    expect((await run()).json()).toMatchObject({ invited: 0, toldShortfall: 0, alreadySent: 3 });
    const woman = await officer.request({
      method: 'GET',
      url: `/api/persons/${ids[4]}/retirement-invitations`,
    });
    expect(woman.json().items).toEqual([
      expect.objectContaining({ kind: 'apply', retirementMonth: '2025-12', retirementGroup: 'female-55' }),
    ]);

    const mine = await person.request({
      method: 'GET',
      url: `/api/persons/${ids[0]}/retirement-invitations`,
    });
    expect(mine.json().items).toEqual([
      expect.objectContaining({
        kind: 'apply',
        retirementMonth: '2025-12',
        contributionMonths: 12,
        minContributionMonths: 14,
        shortfallMonths: 0,
        options: [],
        sentIn: '2025-09',
      }),
    ]);
    const told = await officer.request({
      method: 'GET',
      url: `/api/persons/${ids[1]}/retirement-invitations`,
    });
    expect(told.json().items).toEqual([
      expect.objectContaining({
        kind: 'shortfall',
        contributionMonths: 6,
        shortfallMonths: 5,
        options: ['keep-paying', 'extended-or-one-time-payment', 'transfer-to-residents-scheme'],
      }),
    ]);
    // The person cannot run it; a bad month names the field and writes nothing.
    expect(
      (
        await person.request({
          method: 'POST',
          url: '/api/retirement-invitation-runs',
          payload: { regionCode: '110000', period: '2025-09' },
        })
      ).statusCode,
    ).toBe(403);
    const bad = await officer.request({
      method: 'POST',
      url: '/api/retirement-invitation-runs',
      payload: { regionCode: '110000', period: '2025-13' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'period' });
  });

  it('forecasts the earliest, statutory and latest start on the person’s own record under stated assumptions', async () => {
    const flat = await person.request({
      method: 'GET',
      url: `/api/persons/${ids[0]}/pension-forecast?wageGrowthPpm=0&interestPpm=0&futureBaseFen=1000000`,
    });
    expect(flat.statusCode).toBe(200);
    const forecast = flat.json();
    expect(forecast).toMatchObject({
      retirementGroup: 'male',
      fromMonth: '2025-07',
      recordMonths: 12,
      assumptions: {
        wageGrowthPpm: { value: 0, source: 'given' },
        futureBaseFen: { value: 1_000_000, source: 'given' },
        interestPpm: { value: 0, source: 'given' },
        accountRatePpm: { value: 80_000 },
      },
    });
    // Earliest at 60 (2025-09: July and August projected), statutory 2025-12 (five), latest three years on.
    expect(
      forecast.cases.map((c: { label: string; startMonth: string; projectedMonths: number }) => [
        c.label,
        c.startMonth,
        c.projectedMonths,
      ]),
    ).toEqual([
      ['earliest', '2025-09', 2],
      ['statutory', '2025-12', 5],
      ['latest', '2028-12', 41],
    ]);
    // With no growth and no interest the account grows by 8% of 10,000 yuan a month projected.
    const [earliest, statutory] = forecast.cases;
    expect(earliest.accountBalanceFen - forecast.accountBalanceNowFen).toBe(2 * 80_000);
    expect(statutory.accountBalanceFen - forecast.accountBalanceNowFen).toBe(5 * 80_000);
    // 12 paid + 5 projected months ≥ 14: eligible, every part explained.
    expect(statutory.outcome).toMatchObject({
      eligible: true,
      contributionMonths: 17,
      minContributionMonths: 14,
    });
    expect(Object.keys(statutory.outcome.pension.explanation)).toEqual(
      expect.arrayContaining(['basic', 'account', 'total']),
    );
    // 12 paid + 2 projected = 14: just eligible at the earliest start too.
    expect(earliest.outcome).toMatchObject({ eligible: true, contributionMonths: 14 });

    // Left out, the assumptions take their stated defaults: the latest base in the record.
    const defaults = await officer.request({ method: 'GET', url: `/api/persons/${ids[0]}/pension-forecast` });
    expect(defaults.json().assumptions).toMatchObject({
      futureBaseFen: { value: 1_000_000, source: 'the base of 2025-06 in the record' },
      wageGrowthPpm: { value: 40_000, source: 'assumed: 4% a year' },
    });
    // Bad assumptions name the field.
    const bad = await person.request({
      method: 'GET',
      url: `/api/persons/${ids[0]}/pension-forecast?wageGrowthPpm=-5`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'querystring.wageGrowthPpm' });
    const group = await person.request({
      method: 'GET',
      url: `/api/persons/${ids[0]}/pension-forecast?retirementGroup=female-55`,
    });
    expect(group.json()).toMatchObject({ field: 'retirementGroup' });
    // Another person's forecast is not the person's to see.
    expect(
      (await person.request({ method: 'GET', url: `/api/persons/${ids[1]}/pension-forecast` })).statusCode,
    ).toBe(403);
  });
});
