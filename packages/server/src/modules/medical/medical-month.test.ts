import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { verifyLedger } from '../ledger/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { insertMedicalFixture, type MedicalFixture } from '../../testing/medical-fixture.ts';
import { createMedicalService, type ClaimInput, type ClaimOutcome } from './index.ts';

/*
 * The month's settlement with the institutions, the retirees' credits and the supervision of the fund
 * (docs/RULES.md 16.4, 16.6, 16.7), over claims settled on their own days.
 */

const yuan = (amount: number) => Math.round(amount * 100);
let keys = 0;

function settled(outcome: ClaimOutcome) {
  if ('error' in outcome) throw outcome.error;
  return outcome.claim;
}

describeEachDatabase('the month with the institutions, and the fund’s supervision', (getDb) => {
  const on = (date: string) => {
    const clock = fixedClock(`${date}T03:00:00.000Z`);
    return createMedicalService(getDb(), clock, createPolicyService(getDb(), clock));
  };
  const settle = async (date: string, input: ClaimInput) =>
    settled(
      await on(date).settleClaim({ input, idempotencyKey: `month-${(keys += 1)}`, recordedBy: 'system:his' }),
    );
  const outpatient = (
    fixture: MedicalFixture,
    person: number,
    level: 0 | 1 | 2,
    date: string,
    yuanAmount: number,
    code = 'C1',
  ) => ({
    institutionId: fixture.institutions[level]!.id,
    idNumber: fixture.workers[person]!.idNumber,
    kind: 'outpatient' as const,
    visitDate: date,
    items: [
      { code, name: 'Consultation', itemClass: 'full' as const, quantity: 1, amountFen: yuan(yuanAmount) },
    ],
    useAccount: false,
  });

  it('draws one statement per institution for an ended month, pays it once and carries cancellations', async () => {
    const fixture = await insertMedicalFixture(getDb(), { workers: 2 });
    const first = await settle('2025-03-05', outpatient(fixture, 0, 0, '2025-03-05', 1_000));
    await settle('2025-03-20', outpatient(fixture, 1, 0, '2025-03-20', 2_000));
    // Cancelled in April: April's statement takes it off.
    await on('2025-04-02').cancelClaim(first.claimNo, 'refund', { loginKey: 'staff:x', institutionId: null });

    await expect(
      on('2025-03-31').settleInstitutionsMonth({ regionCode: '360100', period: '2025-03' }, 'staff:m'),
    ).rejects.toThrow(/has not ended/);
    const march = await on('2025-04-10').settleInstitutionsMonth(
      { regionCode: '360100', period: '2025-03' },
      'staff:m',
    );
    const statement = march.statements.find((row) => row.institutionId === fixture.institutions[0]!.id)!;
    // 1,000 - 300 = 700 × 65% = 455; the second person's 2,000 - 300 = 1,700 × 65% = 1,105.
    expect(statement).toMatchObject({
      claims: 2,
      pooledFen: yuan(455 + 1_105),
      paidFen: yuan(1_560),
      dueOn: '2025-04-30',
    });
    const again = await on('2025-04-11').settleInstitutionsMonth(
      { regionCode: '360100', period: '2025-03' },
      'staff:m',
    );
    expect(again.drawn).toBe(0);
    expect(again.statements).toEqual(march.statements);

    const april = await on('2025-05-03').settleInstitutionsMonth(
      { regionCode: '360100', period: '2025-04' },
      'staff:m',
    );
    const owed = april.statements.find((row) => row.institutionId === fixture.institutions[0]!.id)!;
    expect(owed).toMatchObject({
      claims: 0,
      cancelled: 1,
      cancelledFen: yuan(455),
      paidFen: 0,
      carriedOutFen: -yuan(455),
    });
    // May: a new claim; the statement nets what April carried.
    await settle('2025-05-10', outpatient(fixture, 0, 0, '2025-05-10', 1_000));
    const may = await on('2025-06-02').settleInstitutionsMonth(
      { regionCode: '360100', period: '2025-05' },
      'staff:m',
    );
    const net = may.statements.find((row) => row.institutionId === fixture.institutions[0]!.id)!;
    // The first claim was cancelled, so the deductible is free again: 700 × 65% = 455, less 455 carried.
    expect(net).toMatchObject({
      pooledFen: yuan(455),
      carriedInFen: -yuan(455),
      paidFen: 0,
      carriedOutFen: 0,
    });
    expect((await verifyLedger(getDb())).ok).toBe(true);
  });

  it('flags claims by each rule, once, and a finding approved by a second officer recovers and suspends', async () => {
    const fixture = await insertMedicalFixture(getDb(), { workers: 3 });
    // Same item twice on one day at two institutions.
    await settle('2025-06-02', outpatient(fixture, 0, 0, '2025-06-02', 100, 'DUP-1'));
    const twice = await settle('2025-06-02', outpatient(fixture, 0, 1, '2025-06-02', 100, 'DUP-1'));
    // A split hospitalisation: readmitted 3 days after the discharge, same hospital.
    const stay = (from: string, to: string) => ({
      institutionId: fixture.institutions[2]!.id,
      idNumber: fixture.workers[1]!.idNumber,
      kind: 'inpatient' as const,
      visitDate: from,
      dischargeDate: to,
      items: [{ code: 'BED', name: 'Ward', itemClass: 'full' as const, quantity: 1, amountFen: yuan(3_000) }],
      useAccount: false,
    });
    await settle('2025-06-06', stay('2025-06-01', '2025-06-05'));
    const split = await settle('2025-06-12', stay('2025-06-08', '2025-06-11'));
    // A visit at a clinic while staying at the hospital.
    const elsewhere = await settle('2025-06-09', outpatient(fixture, 1, 0, '2025-06-09', 80));
    const scan = await on('2025-06-20').scanClaims({
      regionCode: '360100',
      from: '2025-06-01',
      to: '2025-06-20',
    });
    expect(scan.caught).toMatchObject({ 'same-item-twice': 1, 'split-hospitalisation': 1, 'two-places': 1 });
    expect(
      (await on('2025-06-20').scanClaims({ regionCode: '360100', from: '2025-06-01', to: '2025-06-20' }))
        .flagged,
    ).toBe(0);
    const queue = await on('2025-06-20').listReviews({ regionPrefix: '36', status: 'open', limit: 50 });
    const flagOf = (claimNo: string) => queue.find((flag) => flag.claim.claimNo === claimNo)!;
    expect(flagOf(twice.claimNo).rule).toBe('same-item-twice');
    expect(flagOf(split.claimNo).detail).toContain('after the discharge');
    expect(flagOf(elsewhere.claimNo).rule).toBe('two-places');
    const cleared = await on('2025-06-21').clearReview(
      flagOf(elsewhere.claimNo).id,
      'a referral for a test',
      'staff:m1',
    );
    expect(cleared.status).toBe('cleared');

    // The split stay as a finding under MFR Art. 38 (approved through the API: medical-api.test.ts).
    const service = on('2025-06-22');
    const prepared = await service.prepareFinding({
      flagIds: [flagOf(split.claimNo).id],
      subject: 'institution',
      article: 'MFR Art. 38',
      description: 'readmitted three days after discharge to split one stay into two',
      lossFen: yuan(500),
      multiplePpm: 1_500_000,
      suspensionMonths: 6,
      terminate: false,
    });
    expect(prepared.payload.fineFen).toBe(yuan(750));
    expect(prepared.summary).toContain('MFR Art. 38');
    await expect(
      service.prepareFinding({
        ...prepared.payload,
        multiplePpm: 3_000_000,
        flagIds: [flagOf(split.claimNo).id],
      }),
    ).rejects.toThrow(/multiplePpm/);
  });

  it('credits the retirees’ accounts once a month, leaving out one short of the minimum years', async () => {
    const fixture = await insertMedicalFixture(getDb(), { workers: 1, retirees: 2 });
    await getDb()
      .updateTable('person_year_summaries')
      .set({ medical_months: 100 })
      .where('person_id', '=', fixture.retirees[1]!.id)
      .execute();
    const run = await on('2025-06-05').creditRetireeAccounts({ regionCode: '360100', period: '2025-06' });
    // Every pensioner of the region so far, this fixture's and the earlier suites': at least these two.
    expect(run.credited).toBeGreaterThanOrEqual(1);
    expect(run.short).toBeGreaterThanOrEqual(1);
    expect(run.amountFen).toBe(run.credited * yuan(60));
    const account = await on('2025-06-05').readMedicalAccount(fixture.retirees[0]!.id, {
      year: 2025,
      limit: 10,
    });
    expect(account.balanceFen).toBe(yuan(60));
    expect(account.movements[0]).toMatchObject({
      kind: 'retiree-credit',
      period: '2025-06',
      amountFen: yuan(60),
    });
    const short = await on('2025-06-05').readMedicalAccount(fixture.retirees[1]!.id, {
      year: 2025,
      limit: 10,
    });
    expect(short.balanceFen).toBe(0);
    const again = await on('2025-06-06').creditRetireeAccounts({ regionCode: '360100', period: '2025-06' });
    expect(again.credited).toBe(0);
    await expect(
      on('2025-06-06').creditRetireeAccounts({ regionCode: '360100', period: '2025-07' }),
    ).rejects.toThrow(/has not begun/);
    expect((await verifyLedger(getDb())).ok).toBe(true);
  });

  it('flags a claim of a death confirmed after it was settled, and a claim far above its institution’s norm', async () => {
    const fixture = await insertMedicalFixture(getDb(), { workers: 2 });
    const db = getDb();
    // Five ordinary visits at the level-2 hospital make its norm; a sixth of ten times the amount stands out.
    for (let n = 0; n < 5; n += 1)
      await settle('2025-08-04', outpatient(fixture, 0, 1, '2025-08-04', 200, `N${n}`));
    const outlier = await settle('2025-08-05', outpatient(fixture, 0, 1, '2025-08-05', 2_000, 'BIG'));
    // A visit on 10 August, and a death on 6 August confirmed only afterwards.
    const late = await settle('2025-08-10', outpatient(fixture, 1, 0, '2025-08-10', 100));
    const { id: userId } = await db
      .insertInto('users')
      .values({
        kind: 'staff',
        login_key: `staff:death-${fixture.workers[1]!.id}`,
        user_name: `death-${fixture.workers[1]!.id}`,
        display_name: 'Officer',
        person_id: null,
        employer_id: null,
        institution_id: null,
        password_hash: null,
        roles_json: '["benefits_officer"]',
        region_codes_json: '["360000"]',
        created_at: '2025-08-01T00:00:00.000Z',
        created_by: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: approvalId } = await db
      .insertInto('approvals')
      .values({
        kind: 'survival.confirmDeath',
        region_code: fixture.regionCode,
        payload_json: '{}',
        summary: 'death',
        status: 'approved',
        proposed_by: Number(userId),
        proposed_at: '2025-08-12T00:00:00.000Z',
        decided_by: null,
        decided_at: null,
        decision_note: null,
        result_json: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('death_reports')
      .values({
        person_id: fixture.workers[1]!.id,
        region_code: fixture.regionCode,
        date_of_death: '2025-08-06',
        reported_by: 'relative',
        reporter_name: 'A relative',
        state: 'confirmed',
        approval_id: Number(approvalId),
        heirs: '[]',
        funeral_payee: '{}',
        document_sha256: null,
        benefits: '{}',
        note: null,
        recorded_by: 'staff:test',
        recorded_at: '2025-08-12T00:00:00.000Z',
        decided_by: 'staff:second',
        decided_at: '2025-08-12T00:00:00.000Z',
      })
      .execute();
    const scan = await on('2025-08-20').scanClaims({
      regionCode: '360100',
      from: '2025-08-01',
      to: '2025-08-20',
    });
    expect(scan.caught['after-death']).toBeGreaterThanOrEqual(1);
    expect(scan.caught['above-norm']).toBeGreaterThanOrEqual(1);
    const queue = await on('2025-08-20').listReviews({ regionPrefix: '36', status: 'open', limit: 200 });
    expect(queue.find((flag) => flag.claim.claimNo === late.claimNo)).toMatchObject({
      rule: 'after-death',
      detail: 'visit on 2025-08-10, after the death on 2025-08-06',
    });
    const norm = queue.find((flag) => flag.claim.claimNo === outlier.claimNo && flag.rule === 'above-norm');
    expect(norm?.detail).toContain('2000.00');
    // The person's next claim is refused outright: the death is on the record now.
    const refused = await on('2025-08-20').settleClaim({
      input: outpatient(fixture, 1, 0, '2025-08-15', 100),
      idempotencyKey: `month-${(keys += 1)}`,
      recordedBy: 'system:his',
    });
    expect('error' in refused && refused.error.detailCode).toBe('patient-deceased');
  });
});
