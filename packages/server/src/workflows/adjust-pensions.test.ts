import type { Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { describeEachServer, logIn, type Client } from '../http/test-server.ts';
import { verifyLedger } from '../modules/ledger/index.ts';
import { enrolAward, setVerifiedThrough } from '../modules/payroll/index.ts';
import { insertCollectionFixture } from '../testing/collection-fixture.ts';

const PASSWORD = 'adjust-password-1';

/**
 * An award written straight into the tables, as an approved claim leaves it (docs/RULES.md 14.4), and on
 * the payroll: carried over from an older system that paid the months before June 2025.
 */
async function insertAward(
  db: Kysely<Database>,
  award: {
    no: string;
    personId: number;
    monthlyFen: number;
    validFrom: string;
    contributionMonths: number | null;
    explanation?: Record<string, unknown>;
  },
): Promise<void> {
  const application = await db
    .insertInto('benefit_applications')
    .values({
      application_no: `AP${award.no.slice(2)}`,
      kind: 'pension',
      person_id: award.personId,
      employer_id: null,
      region_code: '110105',
      filed_by: 'staff',
      filed_by_login: 'staff:seed',
      facts: '{}',
      state: 'decided',
      filed_on: '2010-01-05',
      clock_days: 20,
      clock_unit: 'working-days',
      clock_source: 'test',
      decision: 'award',
      decision_reasons: '[]',
      decided_on: '2010-01-20',
      approval_id: null,
      recorded_at: '2010-01-20T00:00:00.000Z',
      updated_at: '2010-01-20T00:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('benefit_awards')
    .values({
      award_no: award.no,
      version: 1,
      application_id: application.id,
      person_id: award.personId,
      region_code: '110105',
      kind: 'pension',
      monthly_fen: award.monthlyFen,
      valid_from: award.validFrom,
      payee_kind: 'bank',
      payee_account: '6222020200112233445',
      explanation: JSON.stringify(
        award.explanation ?? { total: { rule: 'seed', formula: 'seed', inputs: {}, sources: [] } },
      ),
      reason: 'seed',
      proposed_by: 'staff:seed1',
      approved_by: 'staff:seed2',
      approval_id: null,
      recorded_at: '2010-01-20T00:00:00.000Z',
      contribution_months: award.contributionMonths,
    })
    .execute();
  await db.transaction().execute((trx) =>
    enrolAward(trx, {
      awardNo: award.no,
      personId: award.personId,
      regionCode: '110105',
      kind: 'pension',
      payeeName: `Pensioner ${award.no.slice(-1)}`,
      validFrom: award.validFrom,
      monthlyFen: award.monthlyFen,
      accountPartFen: 0,
      accountBalanceFen: 0,
      payee: { kind: 'bank', account: '6222020200112233445' },
      firstMonthToPay: award.validFrom > '2025-06' ? award.validFrom : '2025-06',
      recordedAt: '2025-06-01T00:00:00.000Z',
    }),
  );
  // The older system's last survival verification, in May 2025, carries over with it.
  await db
    .transaction()
    .execute((trx) => setVerifiedThrough(trx, award.personId, '2026-05', '2025-06-01T00:00:00.000Z'));
}

// The 2025 adjustment of a province as such notices read (docs/RULES.md 14.11): from January, published in
// July, for pensions started by December 2024; 1.2%, 35 yuan, 1.50 yuan per full year, 30 yuan from 70.
const POLICY = {
  year: 2025,
  effectiveMonth: '2025-01',
  publishedOn: '2025-07-10',
  startedBy: '2024-12',
  percentPpm: 12_000,
  fixedFen: 3_500,
  perYearFen: 150,
  yearCounting: 'full-years',
  ageTilt: [
    { minAgeYears: 70, extraFen: 3_000 },
    { minAgeYears: 75, extraFen: 4_500 },
  ],
  rounding: 'half-up-fen',
  source: '京人社发〔2025〕test',
};

describeEachServer('the yearly pension adjustment and award corrections', (get) => {
  const officers: Client[] = [];
  let persons: number[] = [];

  beforeAll(async () => {
    const { app, db, server } = get();
    const fixture = await insertCollectionFixture(db, {
      regionCode: '110105',
      cycleStart: '2025-07',
      employers: [
        {
          employees: [{ wageFen: 800_000 }, { wageFen: 800_000 }, { wageFen: 800_000 }, { wageFen: 800_000 }],
        },
      ],
    });
    persons = fixture.personIds[0]!;
    const births = ['1950-03-10', '1962-05-01', '1955-01-20', '1948-07-07'];
    for (const [index, personId] of persons.entries())
      await db
        .updateTable('persons')
        .set({ birth_date: births[index]! })
        .where('id', '=', personId)
        .execute();
    // A: started 2010-04, 449 months, 4,034.70. B: started 2025-03, after the cut-off. C: corrected from
    // 2025-03, after the effective month. D: recorded before 0022, its count only in the explanation.
    await insertAward(db, {
      no: 'AW0000000000000001',
      personId: persons[0]!,
      monthlyFen: 403_470,
      validFrom: '2010-04',
      contributionMonths: 449,
    });
    await insertAward(db, {
      no: 'AW0000000000000002',
      personId: persons[1]!,
      monthlyFen: 300_000,
      validFrom: '2025-03',
      contributionMonths: 200,
    });
    await insertAward(db, {
      no: 'AW0000000000000003',
      personId: persons[2]!,
      monthlyFen: 250_000,
      validFrom: '2015-02',
      contributionMonths: 300,
    });
    await insertAward(db, {
      no: 'AW0000000000000004',
      personId: persons[3]!,
      monthlyFen: 500_000,
      validFrom: '2008-08',
      contributionMonths: null,
      explanation: {
        eligibility: { rule: 'seed', formula: 'seed', inputs: { contributionMonths: '365' }, sources: [] },
      },
    });
    for (const name of ['li', 'wang'])
      await app.auth.addUser(
        {
          kind: 'staff',
          userName: name,
          displayName: name,
          password: PASSWORD,
          roles: ['benefits_officer'],
          regionCodes: ['110000'],
        },
        'test',
      );
    officers.push(await logIn(server, 'staff', { userName: 'li', password: PASSWORD }));
    officers.push(await logIn(server, 'staff', { userName: 'wang', password: PASSWORD }));
    // Shebao's first payroll, June, paid every award at its amount then.
    await app.payroll.run({ regionCode: '110105', period: '2025-06', startedBy: 'test' });
  });

  /** What each award's line of a month pays, by award number. */
  const paid = async (period: string) =>
    Object.fromEntries(
      (
        await get()
          .db.selectFrom('payroll_lines as l')
          .innerJoin('benefit_roll as r', 'r.id', 'l.roll_id')
          .select(['r.award_no', 'l.pooled_fen', 'l.account_fen'])
          .where('l.period', '=', period)
          .execute()
      ).map((line) => [line.award_no, Number(line.pooled_fen) + Number(line.account_fen)]),
    );

  it('corrects an award as a new version a second officer approves, never an edit', async () => {
    const [li, wang] = officers as [Client, Client];
    const url = `/api/persons/${persons[2]}/awards/AW0000000000000003`;
    // Nothing to correct is refused, naming the field, and nothing waits for approval.
    const nothing = await li.request({
      method: 'POST',
      url: `${url}/correction-proposal`,
      payload: { validFrom: '2025-03', reason: 'nothing' },
    });
    expect(nothing.statusCode).toBe(400);
    expect(nothing.json()).toMatchObject({ field: 'monthlyFen' });
    // Before the award began: refused.
    const early = await li.request({
      method: 'POST',
      url: `${url}/correction-proposal`,
      payload: { validFrom: '2015-01', monthlyFen: 260_000, reason: 'too early' },
    });
    expect(early.json()).toMatchObject({ field: 'validFrom' });
    // Another person's award is not found.
    const elsewhere = await li.request({
      method: 'POST',
      url: `/api/persons/${persons[0]}/awards/AW0000000000000003/correction-proposal`,
      payload: { validFrom: '2025-03', monthlyFen: 260_000, reason: 'wrong person' },
    });
    expect(elsewhere.statusCode).toBe(404);

    const proposed = await li.request({
      method: 'POST',
      url: `${url}/correction-proposal`,
      payload: { validFrom: '2025-03', monthlyFen: 260_000, reason: 'A deemed year was proved late.' },
    });
    expect(proposed.statusCode).toBe(201);
    // The second officer finds it waiting on the award.
    const pending = await wang.request({ method: 'GET', url: `${url}/correction-proposal` });
    expect(pending.json().pending).toMatchObject({ id: proposed.json().id, status: 'pending' });
    const again = await li.request({
      method: 'POST',
      url: `${url}/correction-proposal`,
      payload: { validFrom: '2025-04', monthlyFen: 270_000, reason: 'second' },
    });
    expect(again.json()).toMatchObject({ detailCode: 'correction-pending' });
    // The proposer cannot approve it.
    const self = await li.request({
      method: 'POST',
      url: `${url}/correction-decision`,
      payload: { decision: 'approve' },
    });
    expect(self.statusCode).toBe(403);
    const approved = await wang.request({
      method: 'POST',
      url: `${url}/correction-decision`,
      payload: { decision: 'approve' },
    });
    expect(approved.statusCode).toBe(200);
    expect((await wang.request({ method: 'GET', url: `${url}/correction-proposal` })).json()).toEqual({
      pending: null,
    });
    // The change, on the roll at once: June, paid at 2,500, is owed 100 yuan more.
    expect(approved.json().result).toMatchObject({
      awardNo: 'AW0000000000000003',
      version: 2,
      fromPeriod: '2025-03',
      oldMonthlyFen: 250_000,
      newMonthlyFen: 260_000,
      priorMonthlyFen: 250_000,
      monthsSettled: 1,
    });
    const versions = (await li.request({ method: 'GET', url: `/api/persons/${persons[2]}/awards` })).json()
      .items;
    expect(
      versions.map((award: { version: number; monthlyFen: number; validFrom: string; reason: string }) => [
        award.version,
        award.monthlyFen,
        award.validFrom,
        award.reason,
      ]),
    ).toEqual([
      [1, 250_000, '2015-02', 'seed'],
      [2, 260_000, '2025-03', 'A deemed year was proved late.'],
    ]);
    expect(versions[1].explanation['correction-2']).toMatchObject({
      inputs: { reason: 'A deemed year was proved late.' },
    });
  });

  it('adjusts every pension in payment from the effective month once, chunk by chunk, and says what it changed', async () => {
    const { app } = get();
    const [li, wang] = officers as [Client, Client];
    // A bad policy is refused before anyone approves it, naming the field.
    const bad = await li.request({
      method: 'POST',
      url: '/api/regions/110000/pension-adjustments',
      payload: { ...POLICY, startedBy: '2025-02' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'startedBy' });
    const proposed = await li.request({
      method: 'POST',
      url: '/api/regions/110000/pension-adjustments',
      payload: POLICY,
    });
    expect(proposed.statusCode).toBe(201);
    const approvalId = proposed.json().id as number;
    // It waits for the second officer, who finds it among the region's proposals.
    const waiting = await wang.request({
      method: 'GET',
      url: '/api/regions/110000/pension-adjustments/proposals',
    });
    expect(waiting.json().items.map((item: { id: number }) => item.id)).toEqual([approvalId]);
    // Another region's officers cannot reach it; the proposer cannot decide it.
    expect(
      (
        await li.request({
          method: 'POST',
          url: `/api/regions/110000/pension-adjustments/proposals/${approvalId}/decision`,
          payload: { decision: 'approve' },
        })
      ).statusCode,
    ).toBe(403);
    const approved = await wang.request({
      method: 'POST',
      url: `/api/regions/110000/pension-adjustments/proposals/${approvalId}/decision`,
      payload: { decision: 'approve' },
    });
    expect(approved.statusCode).toBe(200);
    const { policyId } = approved.json().result as { policyId: number };

    // Run in chunks of one award through the workflow, as the route does with a thousand.
    const seen: string[] = [];
    const run = await app.workflows.applyPensionAdjustment(app, '110000', policyId, {
      chunkSize: 1,
      onChunk: async (_trx, changes) => {
        seen.push(
          ...changes.map((change) => `${change.awardNo} ${change.oldMonthlyFen}→${change.newMonthlyFen}`),
        );
      },
    });
    // A: 4,034.70 × 1.2% = 48.42 + 35 + 37 × 1.50 + 30 (74 in 2025-01) = 168.92 → 4,203.62.
    // D: 5,000 × 1.2% = 60 + 35 + 30 × 1.50 (365 months, from its explanation) + 45 (76) = 185 → 5,185.
    expect(seen).toEqual(['AW0000000000000001 403470→420362', 'AW0000000000000004 500000→518500']);
    expect(run).toMatchObject({
      adjusted: 2,
      alreadyAdjusted: 0,
      notEligible: 1,
      // C's corrected version starts in 2025-03, after the effective month: an officer corrects it.
      heldForReview: [{ awardNo: 'AW0000000000000003' }],
      // January to June were paid at the old amount; Shebao paid June, the older system the rest.
      lateMonths: 6,
      arrearsMonths: 2,
    });
    // July pays the new amounts and June's differences: A 4,203.62 + 168.92; D 5,185 + 185; C 2,600 + 100
    // (its correction); B, started after the cut-off, as before.
    await app.payroll.run({ regionCode: '110105', period: '2025-07', startedBy: 'test' });
    expect(await paid('2025-07')).toEqual({
      AW0000000000000001: 420_362 + 16_892,
      AW0000000000000002: 300_000,
      AW0000000000000003: 260_000 + 10_000,
      AW0000000000000004: 518_500 + 18_500,
    });
    expect((await verifyLedger(get().db)).checks.filter((check) => !check.ok)).toEqual([]);

    // Again over HTTP: nothing changes twice.
    const repeat = await li.request({
      method: 'POST',
      url: `/api/regions/110000/pension-adjustments/${policyId}/application`,
    });
    expect(repeat.json()).toMatchObject({
      adjusted: 0,
      alreadyAdjusted: 2,
      notEligible: 1,
      arrearsMonths: 0,
    });

    const awards = (await li.request({ method: 'GET', url: `/api/persons/${persons[0]}/awards` })).json()
      .items;
    expect(awards.at(-1)).toMatchObject({
      version: 2,
      monthlyFen: 420_362,
      validFrom: '2025-01',
      proposedBy: 'staff:li',
      approvedBy: 'staff:wang',
    });
    // The parts the amount was worked out with stay; the year's adjustment is added with every part.
    expect(Object.keys(awards.at(-1).explanation)).toEqual(['total', 'adjustment-2025']);
    expect(awards.at(-1).explanation['adjustment-2025'].inputs.percent).toBe('4034.70 × 1.2% = 48.42');

    const changes = await li.request({
      method: 'GET',
      url: `/api/regions/110000/pension-adjustments/${policyId}/changes?limit=1`,
    });
    expect(changes.json().items).toMatchObject([
      {
        awardNo: 'AW0000000000000001',
        fromPeriod: '2025-01',
        oldMonthlyFen: 403_470,
        increaseFen: 16_892,
        newMonthlyFen: 420_362,
      },
    ]);
    const rest = await li.request({
      method: 'GET',
      url: `/api/regions/110000/pension-adjustments/${policyId}/changes?cursor=${changes.json().nextCursor}`,
    });
    expect(rest.json()).toMatchObject({
      items: [{ awardNo: 'AW0000000000000004', increaseFen: 18_500 }],
      nextCursor: null,
    });
    const list = await li.request({ method: 'GET', url: '/api/regions/110000/pension-adjustments' });
    expect(list.json().items).toMatchObject([
      { id: policyId, version: 1, adjustedAwards: 2, percentPpm: 12_000 },
    ]);

    // A new version of an applied year is refused when proposed.
    const late = await li.request({
      method: 'POST',
      url: '/api/regions/110000/pension-adjustments',
      payload: { ...POLICY, fixedFen: 4_000 },
    });
    expect(late.json()).toMatchObject({ detailCode: 'adjustment-applied' });
    // Of two versions of a year approved before either is applied, only the later one may be applied.
    const versionIds: number[] = [];
    for (const fixedFen of [3_000, 3_200]) {
      const next = await li.request({
        method: 'POST',
        url: '/api/regions/110000/pension-adjustments',
        payload: {
          ...POLICY,
          year: 2026,
          effectiveMonth: '2026-01',
          publishedOn: '2026-06-30',
          startedBy: '2025-12',
          fixedFen,
        },
      });
      const decided = await wang.request({
        method: 'POST',
        url: `/api/regions/110000/pension-adjustments/proposals/${next.json().id}/decision`,
        payload: { decision: 'approve' },
      });
      versionIds.push(decided.json().result.policyId);
    }
    const older = await li.request({
      method: 'POST',
      url: `/api/regions/110000/pension-adjustments/${versionIds[0]}/application`,
    });
    expect(older.statusCode).toBe(409);
    expect(older.json().detail).toMatch(/version 2 of the 2026 adjustment replaces this one/);
    // Another region's policy is not found from here.
    const other = await li.request({
      method: 'POST',
      url: `/api/regions/310000/pension-adjustments/${policyId}/application`,
    });
    expect(other.statusCode).toBe(403);
  });
});
