import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeResidentId } from '@shebao/domain';
import { beforeAll, expect, it } from 'vitest';
import { describeEachServer } from '../http/test-server.ts';
import type { App } from '../app/index.ts';
import type { Principal } from '../modules/auth/index.ts';
import { verifyLedger } from '../modules/ledger/index.ts';
import { earlierUnemploymentAwards } from './assess-benefit-claim.ts';
import { addBenefitOfficers, collectAndPayMonths } from '../testing/benefit-fixtures.ts';
import { insertCollectionFixture } from '../testing/collection-fixture.ts';

/*
 * Work injury, unemployment and maternity from filing to payment (docs/RULES.md 15.14–15.20), on the test clock of
 * 15 July 2025 in Beijing: three employees of one employer with twelve months paid (2024-07 to 2025-06) on a
 * base of 10,000 yuan.
 */

const staff = { login: 'staff:officer1', side: 'staff' as const };
const payee = { kind: 'bank' as const, account: '6222020200112233445' };

interface Setting {
  employerId: number;
  injured: number;
  unemployed: number;
  mother: number;
  officers: Principal[];
}

/** One Beijing employer with three employees, twelve months paid, and two benefits officers. */
async function oneEmployerYearPaid({ app, db }: { app: App; db: App['database']['db'] }): Promise<Setting> {
  const fixture = await insertCollectionFixture(db, {
    regionCode: '110000',
    cycleStart: '2024-07',
    employers: [
      {
        employees: [
          { wageFen: 1_000_000, hiredOn: '2024-07-01' },
          { wageFen: 1_000_000, hiredOn: '2024-07-01' },
          { wageFen: 1_000_000, hiredOn: '2024-07-01' },
        ],
      },
    ],
    declaredMonths: { from: '2024-07', to: '2025-12' },
  });
  const employerId = fixture.employerIds[0]!;
  const [injured, unemployed, mother] = fixture.personIds[0]! as [number, number, number];
  await db.updateTable('persons').set({ sex: 'female' }).where('id', '=', mother).execute();
  await db
    .updateTable('employers')
    .set({ bank_account: '6217000010001234567' })
    .where('id', '=', employerId)
    .execute();
  await collectAndPayMonths(app, { employerId, from: '2024-07', to: '2025-06' });
  const officers = await addBenefitOfficers(app, ['officer1', 'officer2']);
  return { employerId, injured, unemployed, mother, officers };
}

/** What the payroll has spent out of a fund (its postings' benefit expense). */
async function payrollExpenseOf(db: App['database']['db'], fund: 'work_injury' | 'unemployment' | 'medical') {
  const row = await db
    .selectFrom('journal_entries as e')
    .innerJoin('journal_transactions as t', 't.id', 'e.transaction_id')
    .select((eb) => eb.fn.sum<number>('e.amount_fen').as('fen'))
    .where('t.fund', '=', fund)
    .where('t.kind', '=', 'benefit_payroll')
    .where('e.account', '=', 'benefit_expense')
    .executeTakeFirstOrThrow();
  return Number(row.fen);
}

/** One officer proposes the award, the proposer may not approve it, a second officer does. */
async function awardWithTwoOfficers(app: App, setting: Setting, applicationId: number) {
  await app.workflows.proposeBenefitAward(app, applicationId, {}, setting.officers[0]!);
  await expect(
    app.workflows.decideBenefitAward(app, applicationId, { approve: true }, setting.officers[0]!),
  ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  await app.workflows.decideBenefitAward(app, applicationId, { approve: true }, setting.officers[1]!);
  return app.benefits.get(applicationId);
}

describeEachServer(
  'a work injury from the employer’s late report to the first allowance',
  (get) => {
    let setting: Setting;
    beforeAll(async () => {
      setting = await oneEmployerYearPaid(get());
    });

    it('identifies an injury the employer reported late, appraises it, and pays the subsidy and the monthly benefits from the work-injury fund', async () => {
      const { app, db } = get();
      const employer = { login: `employer:${setting.employerId}`, side: 'employer' as const };
      const facts = {
        event: 'accident' as const,
        eventDate: '2025-06-01',
        employerId: setting.employerId,
        description: 'Fell from a ladder in the warehouse',
        payee,
      };
      // The employer files for its own workplace only.
      await expect(
        app.benefits.file(
          {
            personId: setting.injured,
            employerId: setting.employerId,
            application: { kind: 'work-injury', facts: { ...facts, employerId: setting.employerId + 1 } },
          },
          employer,
        ),
      ).rejects.toMatchObject({ field: 'facts.employerId' });
      // A person's year to apply (WIIR Art. 17) has passed for an accident of 14 July 2024.
      await expect(
        app.benefits.file(
          {
            personId: setting.injured,
            application: { kind: 'work-injury', facts: { ...facts, eventDate: '2024-07-14' } },
          },
          { login: `person:${setting.injured}`, side: 'person' },
        ),
      ).rejects.toMatchObject({ detailCode: 'filing-deadline-passed', field: 'facts.eventDate' });
      await expect(
        app.benefits.file(
          {
            personId: setting.injured,
            application: { kind: 'work-injury', facts: { ...facts, eventDate: '2025-07-16' } },
          },
          staff,
        ),
      ).rejects.toMatchObject({ detailCode: 'date-in-future' });

      const filed = await app.benefits.file(
        {
          personId: setting.injured,
          employerId: setting.employerId,
          application: { kind: 'work-injury', facts },
        },
        employer,
      );
      expect(filed.clock).toMatchObject({ days: 60, unit: 'calendar-days', dueOn: '2025-09-13' });
      const clear = await app.benefits.markClearCase(filed.id, staff);
      expect(clear.clock).toMatchObject({ days: 15, dueOn: '2025-07-30' });
      expect(clear.events.at(-1)).toMatchObject({ kind: 'clock-changed' });
      // Benefits follow an identified injury only.
      await expect(
        app.benefits.file(
          {
            personId: setting.injured,
            application: { kind: 'injury-benefits', facts: { identificationId: filed.id, payee } },
          },
          staff,
        ),
      ).rejects.toMatchObject({ detailCode: 'injury-not-identified' });

      const identified = await app.benefits.identifyInjury(
        filed.id,
        {
          reasons: [
            {
              code: 'at-work',
              message: 'Injured at the workplace in working hours.',
              source: 'WIIR Art. 14(1)',
            },
          ],
        },
        staff,
      );
      // Deadline 1 July 2025; filed 15 July: 14 days late, borne by the employer.
      expect(identified.decision).toMatchObject({ kind: 'identified' });
      expect(identified.decision!.reasons.map((reason) => reason.code)).toEqual(['at-work', 'employer-late']);
      expect(identified.decision!.reasons[1]!.message).toContain('14 days');

      // The stoppage period with pay from the day of the accident, 6 months; an extension needs the appraisal
      // committee's confirmation and comes to 12 months at most (WIIR Art. 33).
      await expect(
        app.benefits.recordStoppagePeriod(
          filed.id,
          { kind: 'initial', startsOn: '2025-05-31', months: 6 },
          staff,
        ),
      ).rejects.toMatchObject({ field: 'startsOn' });
      await app.benefits.recordStoppagePeriod(
        filed.id,
        { kind: 'initial', startsOn: '2025-06-01', months: 6 },
        staff,
      );
      await expect(
        app.benefits.recordStoppagePeriod(filed.id, { kind: 'extension', months: 3 }, staff),
      ).rejects.toMatchObject({ field: 'committeeRef' });
      const stoppage = await app.benefits.recordStoppagePeriod(
        filed.id,
        { kind: 'extension', months: 3, committeeRef: 'BJ-LA-2025-S01' },
        staff,
      );
      expect(stoppage.map((period) => [period.startsOn, period.endsOn])).toEqual([
        ['2025-06-01', '2025-11-30'],
        ['2025-12-01', '2026-02-28'],
      ]);
      await expect(
        app.benefits.recordStoppagePeriod(
          filed.id,
          { kind: 'extension', months: 10, committeeRef: 'R' },
          staff,
        ),
      ).rejects.toMatchObject({ field: 'months' });

      const appraisal = {
        kind: 'initial' as const,
        grade: 3,
        nursing: 'part' as const,
        requestedOn: '2025-07-15',
        concludedOn: '2025-07-15',
        committeeRef: 'BJ-LA-2025-0701',
      };
      const [first] = await app.benefits.recordAppraisal(filed.id, appraisal, staff);
      expect(first).toMatchObject({ grade: 3, reappraisalUntil: '2025-07-30', reviewFrom: '2026-07-15' });
      await expect(app.benefits.recordAppraisal(filed.id, appraisal, staff)).rejects.toMatchObject({
        field: 'kind',
      });
      await expect(
        app.benefits.recordAppraisal(filed.id, { ...appraisal, kind: 'review' }, staff),
      ).rejects.toMatchObject({ field: 'requestedOn' });

      // The person contests the grade within the 15 days; the committee confirms it on re-appraisal.
      await app.benefits.requestReappraisal(filed.id, 'The grade understates the injury', {
        login: `person:${setting.injured}`,
        side: 'person',
      });
      expect((await app.benefits.get(filed.id)).events.at(-1)).toMatchObject({
        kind: 'reappraisal-requested',
      });
      const appraisals = await app.benefits.recordAppraisal(
        filed.id,
        { ...appraisal, kind: 're-appraisal', committeeRef: 'BJ-LA-2025-0715-R' },
        staff,
      );
      expect(appraisals.map((row) => row.kind)).toEqual(['initial', 're-appraisal']);

      const claim = await app.benefits.file(
        {
          personId: setting.injured,
          application: { kind: 'injury-benefits', facts: { identificationId: filed.id, payee } },
        },
        { login: `person:${setting.injured}`, side: 'person' },
      );
      // Own wage: 11 months of 10,000 before June 2025, within 60–300% of 11,761. Grade 3: 23 months = 230,000;
      // 80% = 8,000 a month; partly unable to care for oneself: 30% of 11,761 = 3,528.30.
      const assessed = await app.workflows.assessBenefitClaim(app, claim.id);
      expect(assessed).toMatchObject({
        eligible: true,
        fund: 'work_injury',
        monthlyFen: 800_000 + 352_830,
        validFrom: '2025-08',
        oneTimePayments: [{ kind: 'injury-disability-subsidy', amountFen: 23_000_000 }],
      });
      expect(assessed.eligible && assessed.explanation.employerBears).toContain(
        'the wage during the stoppage period with pay from 2025-06-01 to the appraisal of 2025-07-15 (WIIR Art. 33)',
      );
      // The appraisal ended the stoppage period: no extension after it.
      await expect(
        app.benefits.recordStoppagePeriod(
          filed.id,
          { kind: 'extension', months: 1, committeeRef: 'R2' },
          staff,
        ),
      ).rejects.toMatchObject({ field: 'kind' });
      const decided = await awardWithTwoOfficers(get().app, setting, claim.id);
      expect(decided).toMatchObject({ state: 'decided', decision: { kind: 'award' } });
      expect(decided.decision!.reasons[0]!.source).toContain('WIIR');

      const july = await app.payroll.run({ regionCode: '110000', period: '2025-07', startedBy: 'test' });
      expect(july.paidFen).toBeGreaterThanOrEqual(23_000_000);
      const august = await app.payroll.run({ regionCode: '110000', period: '2025-08', startedBy: 'test' });
      expect(august.paidFen).toBeGreaterThanOrEqual(1_152_830);
      expect(await payrollExpenseOf(db, 'work_injury')).toBe(23_000_000 + 1_152_830);

      // Retired from September on a pension of 5,000 a month: the allowance of 8,000 gives way to it, the
      // fund tops the pension up by 3,000, and the nursing allowance goes on (WIIR Art. 35).
      const counter = { login: setting.officers[0]!.loginKey, side: 'staff' as const };
      const pension = await app.benefits.file(
        { personId: setting.injured, application: { kind: 'pension', facts: { payee } } },
        counter,
      );
      const { approval } = await app.approvals.proposeOnce(
        'benefits.award',
        {
          applicationId: pension.id,
          monthlyFen: 500_000,
          validFrom: '2025-09',
          payee,
          deemedMonths: 0,
          evidenceDocumentIds: [],
          explanation: {},
          reason: 'Basic pension from 2025-09',
          payeeName: 'Injured retiree',
        },
        { regionCode: '110000', summary: 'pension' },
        setting.officers[0]!,
        undefined,
      );
      await app.benefits.markAwardProposed(pension.id, approval.id, counter);
      await app.approvals.approve(approval.id, setting.officers[1]!);
      const injuryAward = (await app.benefits.awardsOf(setting.injured)).filter(
        (award) => award.kind === 'injury-benefits',
      );
      expect(injuryAward.map((award) => [award.version, award.validFrom, award.monthlyFen])).toEqual([
        [1, '2025-08', 1_152_830],
        [2, '2025-09', 352_830 + 300_000],
      ]);
      expect(injuryAward[1]!.explanation).toHaveProperty('retirement');
      const injuryRoll = (await app.payroll.awardsOnRoll(setting.injured)).find(
        (roll) => roll.kind === 'injury-benefits',
      );
      const rollRow = await db
        .selectFrom('benefit_roll')
        .select(['monthly_fen', 'monthly_from'])
        .where('award_no', '=', injuryRoll!.awardNo)
        .executeTakeFirstOrThrow();
      expect(rollRow).toEqual({ monthly_fen: 652_830, monthly_from: '2025-09' });
      const report = await verifyLedger(db);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    });
  },
  { env: { SHEBAO_DOCUMENTS_DIR: join(mkdtempSync(join(tmpdir(), 'shebao-documents-')), 'documents') } },
);

describeEachServer(
  'unemployment benefit from the claim to the hire that stops it',
  (get) => {
    let setting: Setting;
    beforeAll(async () => {
      setting = await oneEmployerYearPaid(get());
    });

    it('awards unemployment benefit for the months of the tier, pays it from the unemployment fund, and a hire stops it', async () => {
      const { app, db } = get();
      // Resigning is leaving of one's own will: no benefit (SIL Art. 45).
      await app.registration.leave({
        employerId: setting.employerId,
        personId: setting.unemployed,
        leftOn: '2025-06-30',
        reason: 'resignation',
      });
      const voluntary = await app.benefits.file(
        {
          personId: setting.unemployed,
          application: { kind: 'unemployment', facts: { registeredOn: '2025-07-01', payee } },
        },
        { login: `person:${setting.unemployed}`, side: 'person' },
      );
      expect(voluntary.clock).toMatchObject({ days: 20, unit: 'working-days' });
      const refused = await app.workflows.assessBenefitClaim(app, voluntary.id);
      expect(refused).toMatchObject({ eligible: false, reasons: [{ code: 'voluntary' }] });
      await expect(
        app.workflows.proposeBenefitAward(app, voluntary.id, {}, setting.officers[0]!),
      ).rejects.toMatchObject({
        detailCode: 'claim-not-eligible',
      });
      await app.benefits.refuse(voluntary.id, refused.reasons, staff);

      // The agency learns the employment was ended by the employer: corrected in the record, the claim stands.
      await db
        .updateTable('employments')
        .set({ leave_reason: 'dismissal' })
        .where('person_id', '=', setting.unemployed)
        .execute();
      const claim = await app.benefits.file(
        {
          personId: setting.unemployed,
          application: { kind: 'unemployment', facts: { registeredOn: '2025-07-01', payee } },
        },
        { login: `person:${setting.unemployed}`, side: 'person' },
      );
      // 12 months of contributions: the 1-to-5-year tier, 12 months; Beijing pays 90% of its minimum wage of
      // 2,420 yuan, 2,178 a month.
      const assessed = await app.workflows.assessBenefitClaim(app, claim.id);
      expect(assessed).toMatchObject({
        eligible: true,
        fund: 'unemployment',
        monthlyFen: 217_800,
        validFrom: '2025-07',
        lastMonth: '2026-06',
        laterSteps: [],
      });
      await awardWithTwoOfficers(get().app, setting, claim.id);
      const july = await app.payroll.run({ regionCode: '110000', period: '2025-07', startedBy: 'test' });
      expect(july.ran).toBe(true);
      const lines = await db
        .selectFrom('payroll_lines as l')
        .innerJoin('benefit_roll as r', 'r.id', 'l.roll_id')
        .innerJoin('payroll_bank_files as f', 'f.id', 'l.bank_file_id')
        .select(['l.period', 'l.pooled_fen', 'f.fund', 'f.file_name'])
        .where('r.person_id', '=', setting.unemployed)
        .execute();
      expect(lines).toEqual([
        expect.objectContaining({ period: '2025-07', pooled_fen: 217_800, fund: 'unemployment' }),
      ]);
      expect(lines[0]!.file_name).toContain('unemployment');
      // The unemployment fund pays her medical premium for the month: Beijing's default, the benefit at
      // 9.8% + 2%: 2,178 × 11.8% = 257.004 → 257.00 (SIL Art. 48).
      const premiums = await db
        .selectFrom('unemployment_medical_premiums')
        .select(['period', 'base_fen', 'premium_fen'])
        .where('person_id', '=', setting.unemployed)
        .execute();
      expect(premiums).toEqual([{ period: '2025-07', base_fen: 217_800, premium_fen: 25_700 }]);
      const premiumPostings = await db
        .selectFrom('journal_entries as e')
        .innerJoin('journal_transactions as t', 't.id', 'e.transaction_id')
        .select(['t.fund', 'e.account', 'e.side', 'e.amount_fen'])
        .where('t.kind', '=', 'unemployment_medical_premium')
        .orderBy('e.id')
        .execute();
      expect(premiumPostings).toEqual([
        { fund: 'unemployment', account: 'benefit_expense', side: 'debit', amount_fen: 25_700 },
        { fund: 'unemployment', account: 'bank', side: 'credit', amount_fen: 25_700 },
        { fund: 'medical', account: 'bank', side: 'debit', amount_fen: 25_700 },
        { fund: 'medical', account: 'contribution_income', side: 'credit', amount_fen: 25_700 },
      ]);

      // Hired again on 10 July: the benefit stops after July, in the hire's transaction.
      const hired = await app.workflows.hireEmployee(app, {
        employerId: setting.employerId,
        personId: setting.unemployed,
        hiredOn: '2025-07-10',
      });
      expect(hired.stoppedBenefits).toEqual([expect.objectContaining({ lastMonth: '2025-07', claim: null })]);
      const [roll] = await app.payroll.awardsOnRoll(setting.unemployed);
      expect(roll).toMatchObject({
        kind: 'unemployment',
        stoppedAfter: '2025-07',
        stopReason: 're-employed',
      });
      const august = await app.payroll.run({ regionCode: '110000', period: '2025-08', startedBy: 'test' });
      expect(august.ran).toBe(true);
      const after = await db
        .selectFrom('payroll_lines as l')
        .innerJoin('benefit_roll as r', 'r.id', 'l.roll_id')
        .select('l.period')
        .where('r.person_id', '=', setting.unemployed)
        .where('l.period', '=', '2025-08')
        .execute();
      expect(after).toEqual([]);
      // The eleven months left unpaid carry into a later claim (UIR Art. 17).
      expect(await earlierUnemploymentAwards(app, setting.unemployed, 0)).toEqual({
        carriedMonths: 11,
        lastMonthPaid: '2025-07',
      });
      // Dismissed again two days later: a new claim from August (July was paid), the new tier's 12 months
      // with the 11 carried, 23 in all (at most 24).
      await app.registration.leave({
        employerId: setting.employerId,
        personId: setting.unemployed,
        employmentId: hired.employment.id,
        leftOn: '2025-07-12',
        reason: 'dismissal',
      });
      const second = await app.benefits.file(
        {
          personId: setting.unemployed,
          application: { kind: 'unemployment', facts: { registeredOn: '2025-07-14', payee } },
        },
        { login: `person:${setting.unemployed}`, side: 'person' },
      );
      expect(await app.workflows.assessBenefitClaim(app, second.id)).toMatchObject({
        eligible: true,
        validFrom: '2025-08',
        lastMonth: '2027-06',
        monthlyFen: 217_800,
      });
      await awardWithTwoOfficers(get().app, setting, second.id);
      // Conscripted in July, as the agency learns before the new award's first month is paid: the whole
      // award ends, none of its months owed (SIL Art. 51); a second stop finds nothing running.
      const stopped = await app.workflows.stopUnemploymentBenefit(app, {
        personId: setting.unemployed,
        lastMonth: '2025-07',
        reason: 'conscripted',
      });
      expect(stopped).toEqual([expect.objectContaining({ lastMonth: '2025-07', claim: null })]);
      expect((await app.payroll.awardsOnRoll(setting.unemployed)).at(-1)).toMatchObject({
        stoppedAfter: '2025-07',
        stopReason: 'conscripted',
      });
      await expect(
        app.workflows.stopUnemploymentBenefit(app, {
          personId: setting.unemployed,
          lastMonth: '2025-07',
          reason: 'conscripted',
        }),
      ).rejects.toMatchObject({ detailCode: 'payment-stopped' });
      const report = await verifyLedger(db);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    });
  },
  { env: { SHEBAO_DOCUMENTS_DIR: join(mkdtempSync(join(tmpdir(), 'shebao-documents-')), 'documents') } },
);

describeEachServer(
  'a maternity allowance and medical benefit paid',
  (get) => {
    let setting: Setting;
    beforeAll(async () => {
      setting = await oneEmployerYearPaid(get());
    });

    it('pays the maternity allowance to the employer and the medical costs to the mother, out of the medical fund', async () => {
      const { app, db } = get();
      const employer = { login: `employer:${setting.employerId}`, side: 'employer' as const };
      await expect(
        app.benefits.file(
          {
            personId: setting.mother,
            employerId: setting.employerId,
            application: {
              kind: 'maternity',
              facts: { event: 'miscarriage', eventDate: '2025-07-01', payee },
            },
          },
          employer,
        ),
      ).rejects.toMatchObject({ field: 'facts.miscarriageStage' });
      const claim = await app.benefits.file(
        {
          personId: setting.mother,
          employerId: setting.employerId,
          application: {
            kind: 'maternity',
            facts: {
              event: 'birth',
              eventDate: '2025-07-02',
              dystocia: true,
              medicalCostsFen: 820_000,
              payee,
            },
          },
        },
        employer,
      );
      // Beijing: 98 + 15 (dystocia) + 60 (extension the fund pays) = 173 days. The employer's average of
      // 2024: six months of three employees at 10,000. 10,000 ÷ 30 × 173 = 57,666.666… → 57,666.67.
      const assessed = await app.workflows.assessBenefitClaim(app, claim.id);
      expect(assessed).toMatchObject({
        eligible: true,
        fund: 'medical',
        monthlyFen: 0,
        oneTimePayments: [
          { kind: 'maternity-allowance', amountFen: 5_766_667, payee: { account: '6217000010001234567' } },
          { kind: 'maternity-medical', amountFen: 820_000, payee },
        ],
      });
      await awardWithTwoOfficers(get().app, setting, claim.id);
      await app.payroll.run({ regionCode: '110000', period: '2025-07', startedBy: 'test' });
      const paid = await db
        .selectFrom('payroll_lines as l')
        .innerJoin('one_time_payments as o', 'o.id', 'l.one_time_id')
        .innerJoin('payroll_bank_files as f', 'f.id', 'l.bank_file_id')
        .select(['o.kind', 'l.pooled_fen', 'f.fund'])
        .where('o.person_id', '=', setting.mother)
        .orderBy('o.id')
        .execute();
      expect(paid).toEqual([
        { kind: 'maternity-allowance', pooled_fen: 5_766_667, fund: 'medical' },
        { kind: 'maternity-medical', pooled_fen: 820_000, fund: 'medical' },
      ]);
      const report = await verifyLedger(db);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    });
  },
  { env: { SHEBAO_DOCUMENTS_DIR: join(mkdtempSync(join(tmpdir(), 'shebao-documents-')), 'documents') } },
);

describeEachServer(
  'a death from a work injury: the survivors’ benefits',
  (get) => {
    let setting: Setting;
    beforeAll(async () => {
      setting = await oneEmployerYearPaid(get());
    });

    it('pays the funeral and work-death subsidies once and the survivors’ pension monthly from the work-injury fund', async () => {
      const { app, db } = get();
      const employer = { login: `employer:${setting.employerId}`, side: 'employer' as const };
      const filed = await app.benefits.file(
        {
          personId: setting.injured,
          employerId: setting.employerId,
          application: {
            kind: 'work-injury',
            facts: {
              event: 'accident',
              eventDate: '2025-07-01',
              employerId: setting.employerId,
              description: 'Struck by a falling load',
              payee,
            },
          },
        },
        employer,
      );
      await app.benefits.identifyInjury(
        filed.id,
        { reasons: [{ code: 'at-work', message: 'Injured at work.', source: 'WIIR Art. 14(1)' }] },
        staff,
      );
      const death = {
        diedOn: '2025-07-10',
        claimantName: 'Wang Fang',
        spouse: true,
        otherDependents: 1,
        orphansOrLoneElderly: 1,
      };
      const deathClaim = (facts: Partial<typeof death>) =>
        app.benefits.file(
          {
            personId: setting.injured,
            application: {
              kind: 'injury-benefits',
              facts: { identificationId: filed.id, payee, death: { ...death, ...facts } },
            },
          },
          staff,
        );
      await expect(deathClaim({ diedOn: '2025-06-30' })).rejects.toMatchObject({
        field: 'facts.death.diedOn',
        detailCode: 'facts-inconsistent',
      });
      await expect(deathClaim({ orphansOrLoneElderly: 3 })).rejects.toMatchObject({
        field: 'facts.death.orphansOrLoneElderly',
      });
      const claim = await deathClaim({});
      // Own wage 10,000 (12 months before July 2025). Funeral: 6 × 11,937 = 71,622; work-death subsidy: 20 ×
      // 54,188 (2024) = 1,083,760; survivors: spouse 40% + parent 30% + lone elderly 10% = 80% = 8,000 a month.
      const assessed = await app.workflows.assessBenefitClaim(app, claim.id);
      expect(assessed).toMatchObject({
        eligible: true,
        fund: 'work_injury',
        monthlyFen: 800_000,
        validFrom: '2025-08',
        payeeName: 'Wang Fang',
        oneTimePayments: [
          { kind: 'injury-funeral', amountFen: 7_162_200, payeeName: 'Wang Fang' },
          { kind: 'injury-death-subsidy', amountFen: 108_376_000, payeeName: 'Wang Fang' },
        ],
      });
      await awardWithTwoOfficers(app, setting, claim.id);
      // Awarded once: a second claim for the same death is refused.
      await expect(deathClaim({})).rejects.toMatchObject({ field: 'facts.death' });

      const roll = await db
        .selectFrom('benefit_roll')
        .selectAll()
        .where('person_id', '=', setting.injured)
        .executeTakeFirstOrThrow();
      expect(roll).toMatchObject({ kind: 'injury-survivors', fund: 'work_injury', payee_name: 'Wang Fang' });
      await app.payroll.run({ regionCode: '110000', period: '2025-07', startedBy: 'test' });
      await app.payroll.run({ regionCode: '110000', period: '2025-08', startedBy: 'test' });
      expect(await payrollExpenseOf(db, 'work_injury')).toBe(7_162_200 + 108_376_000 + 800_000);
      const report = await verifyLedger(db);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    });
  },
  { env: { SHEBAO_DOCUMENTS_DIR: join(mkdtempSync(join(tmpdir(), 'shebao-documents-')), 'documents') } },
);

describeEachServer(
  'a death while receiving unemployment benefit',
  (get) => {
    let setting: Setting;
    beforeAll(async () => {
      setting = await oneEmployerYearPaid(get());
    });

    it('stops the benefit after the month of death and pays the survivors’ grants out of the unemployment fund', async () => {
      const { app, db } = get();
      await app.registration.leave({
        employerId: setting.employerId,
        personId: setting.unemployed,
        leftOn: '2025-06-20',
        reason: 'dismissal',
      });
      const claim = await app.benefits.file(
        {
          personId: setting.unemployed,
          application: { kind: 'unemployment', facts: { registeredOn: '2025-07-01', payee } },
        },
        { login: `person:${setting.unemployed}`, side: 'person' },
      );
      // Dismissed on 20 June, reported with the leave on 15 July: 10 days after the employer's 15 (SIL Art. 50).
      const assessed = await app.workflows.assessBenefitClaim(app, claim.id);
      expect(assessed.eligible && assessed.explanation.terminationReport).toMatchObject({
        formula: 'ended 2025-06-20; reported 2025-07-15, 10 days after the deadline 2025-07-05',
      });
      await awardWithTwoOfficers(app, setting, claim.id);
      await app.payroll.run({ regionCode: '110000', period: '2025-07', startedBy: 'test' });
      await app.workflows.proposeDeathReport(
        app,
        setting.unemployed,
        {
          dateOfDeath: '2025-07-12',
          reportedBy: 'relative',
          reporterName: 'Li Ming',
          heirs: [
            {
              name: 'Li Ming',
              idNumber: makeResidentId('110105', '1990-03-04', 971),
              relation: 'spouse',
              bankAccount: '6222020200119900471',
              share: { parts: 1 },
            },
          ],
          funeralPayee: { heirIndex: 0 },
          documentSha256: [],
        },
        setting.officers[0]!,
      );
      await app.workflows.decideDeathReport(app, setting.unemployed, { approve: true }, setting.officers[1]!);
      // The award's last month was June 2026; it now ends with July 2025, which was owed and paid.
      expect((await app.payroll.awardsOnRoll(setting.unemployed))[0]).toMatchObject({
        kind: 'unemployment',
        stoppedAfter: '2025-07',
      });
      const grants = await db
        .selectFrom('one_time_payments')
        .select(['kind', 'fund', 'reason'])
        .where('person_id', '=', setting.unemployed)
        .orderBy('id')
        .execute();
      expect(grants.map((grant) => [grant.kind, grant.fund])).toEqual([
        ['funeral-grant', 'unemployment'],
        ['survivors-benefit', 'unemployment'],
      ]);
      expect(grants[0]!.reason).toContain('SIL Art. 49');
      const august = await app.payroll.run({ regionCode: '110000', period: '2025-08', startedBy: 'test' });
      expect(august.ran).toBe(true);
      const paid = await db
        .selectFrom('journal_entries as e')
        .innerJoin('journal_transactions as t', 't.id', 'e.transaction_id')
        .select(['t.fund', (eb) => eb.fn.count<number>('e.id').as('entries')])
        .where('t.kind', '=', 'benefit_payroll')
        .where('e.account', '=', 'benefit_expense')
        .groupBy('t.fund')
        .execute();
      expect(paid.map((row) => row.fund)).toEqual(['unemployment']);
      const report = await verifyLedger(db);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    });
  },
  { env: { SHEBAO_DOCUMENTS_DIR: join(mkdtempSync(join(tmpdir(), 'shebao-documents-')), 'documents') } },
);

describeEachServer(
  'an injury at an employer that had not insured the person: the fund advances and recovers',
  (get) => {
    let setting: Setting;
    beforeAll(async () => {
      setting = await oneEmployerYearPaid(get());
    });

    it('claims every payment advanced from the employer and records its repayments once', async () => {
      const { app, db } = get();
      // The employment was registered with the agency only after the accident of 1 July.
      await db
        .updateTable('employments')
        .set({ registered_on: '2025-07-05' })
        .where('person_id', '=', setting.mother)
        .execute();
      const filed = await app.benefits.file(
        {
          personId: setting.mother,
          employerId: setting.employerId,
          application: {
            kind: 'work-injury',
            facts: {
              event: 'accident',
              eventDate: '2025-07-01',
              employerId: setting.employerId,
              description: 'Hand caught in a press',
              payee,
            },
          },
        },
        { login: `employer:${setting.employerId}`, side: 'employer' },
      );
      const identified = await app.benefits.identifyInjury(
        filed.id,
        { reasons: [{ code: 'at-work', message: 'Injured at work.', source: 'WIIR Art. 14(1)' }] },
        staff,
      );
      expect(identified.decision!.reasons.map((reason) => reason.code)).toEqual([
        'at-work',
        'employer-uninsured',
      ]);
      await app.benefits.recordAppraisal(
        filed.id,
        {
          kind: 'initial',
          grade: 9,
          nursing: 'none',
          requestedOn: '2025-07-15',
          concludedOn: '2025-07-15',
          committeeRef: 'BJ-LA-2025-0714',
        },
        staff,
      );
      const claim = await app.benefits.file(
        {
          personId: setting.mother,
          application: { kind: 'injury-benefits', facts: { identificationId: filed.id, payee } },
        },
        staff,
      );
      // Grade 9: 9 months of the own wage of 10,000, advanced for the employer.
      expect(await app.workflows.assessBenefitClaim(app, claim.id)).toMatchObject({
        eligible: true,
        advancedForEmployer: setting.employerId,
        oneTimePayments: [{ kind: 'injury-disability-subsidy', amountFen: 9_000_000 }],
      });
      await awardWithTwoOfficers(app, setting, claim.id);
      await app.payroll.run({ regionCode: '110000', period: '2025-07', startedBy: 'test' });
      expect(await app.payroll.employerAdvances(setting.employerId)).toMatchObject({
        claimedFen: 9_000_000,
        repaidFen: 0,
        owedFen: 9_000_000,
        claims: [{ personId: setting.mother, amountFen: 9_000_000 }],
      });
      // The fund's expense is the employer's debt: recoverable, not spent.
      const recoverable = async () =>
        Number(
          (
            await db
              .selectFrom('journal_entries as e')
              .innerJoin('journal_transactions as t', 't.id', 'e.transaction_id')
              .select((eb) =>
                eb.fn
                  .sum<number>(
                    eb
                      .case()
                      .when('e.side', '=', 'debit')
                      .then(eb.ref('e.amount_fen'))
                      .else(eb.neg(eb.ref('e.amount_fen')))
                      .end(),
                  )
                  .as('fen'),
              )
              .where('t.fund', '=', 'work_injury')
              .where('e.account', '=', 'recoverable')
              .executeTakeFirstOrThrow()
          ).fen,
        );
      expect(await recoverable()).toBe(9_000_000);

      const repay = { amountFen: 4_000_000, receivedOn: '2025-07-15', bankReference: 'BOC-20250715-0001' };
      await expect(
        app.payroll.recordAdvanceRepayment(
          setting.employerId,
          { ...repay, amountFen: 9_000_001 },
          'staff:officer1',
        ),
      ).rejects.toMatchObject({ field: 'amountFen' });
      await expect(
        app.payroll.recordAdvanceRepayment(
          setting.employerId,
          { ...repay, receivedOn: '2025-07-16' },
          'staff:officer1',
        ),
      ).rejects.toMatchObject({ field: 'receivedOn' });
      const first = await app.payroll.recordAdvanceRepayment(setting.employerId, repay, 'staff:officer1');
      expect(first).toMatchObject({
        replayed: false,
        advances: { repaidFen: 4_000_000, owedFen: 5_000_000 },
      });
      // The same transfer again changes nothing; the same reference with another amount is refused.
      expect(
        await app.payroll.recordAdvanceRepayment(setting.employerId, repay, 'staff:officer1'),
      ).toMatchObject({
        replayed: true,
        advances: { owedFen: 5_000_000 },
      });
      await expect(
        app.payroll.recordAdvanceRepayment(setting.employerId, { ...repay, amountFen: 1 }, 'staff:officer1'),
      ).rejects.toMatchObject({ field: 'bankReference' });
      expect(await recoverable()).toBe(5_000_000);
      const report = await verifyLedger(db);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    });
  },
  { env: { SHEBAO_DOCUMENTS_DIR: join(mkdtempSync(join(tmpdir(), 'shebao-documents-')), 'documents') } },
);

describeEachServer(
  'the medical costs of a work injury reimbursed by the work-injury fund',
  (get) => {
    let setting: Setting;
    beforeAll(async () => {
      setting = await oneEmployerYearPaid(get());
    });

    it('pays the costs within the catalogues once, and refuses facts that do not hold together', async () => {
      const { app, db } = get();
      const filed = await app.benefits.file(
        {
          personId: setting.injured,
          employerId: setting.employerId,
          application: {
            kind: 'work-injury',
            facts: {
              event: 'accident',
              eventDate: '2025-07-01',
              employerId: setting.employerId,
              description: 'Cut by a machine',
              payee,
            },
          },
        },
        { login: `employer:${setting.employerId}`, side: 'employer' },
      );
      await app.benefits.identifyInjury(
        filed.id,
        { reasons: [{ code: 'at-work', message: 'Injured at work.', source: 'WIIR Art. 14(1)' }] },
        staff,
      );
      const medical = {
        institution: 'Beijing Jishuitan Hospital',
        treatedFrom: '2025-07-01',
        treatedTo: '2025-07-10',
        costsFen: 1_200_000,
        coveredFen: 1_050_000,
      };
      const claimOf = (facts: Partial<typeof medical>) =>
        app.benefits.file(
          {
            personId: setting.injured,
            application: {
              kind: 'injury-benefits',
              facts: { identificationId: filed.id, payee, medical: { ...medical, ...facts } },
            },
          },
          { login: `person:${setting.injured}`, side: 'person' },
        );
      await expect(claimOf({ coveredFen: 1_200_001 })).rejects.toMatchObject({
        field: 'facts.medical.coveredFen',
      });
      await expect(claimOf({ treatedFrom: '2025-06-30' })).rejects.toMatchObject({
        field: 'facts.medical.treatedFrom',
      });
      await expect(claimOf({ treatedTo: '2025-07-16' })).rejects.toMatchObject({
        detailCode: 'date-in-future',
      });
      const claim = await claimOf({});
      // No appraisal is needed: 12,000.00 of costs, 1,500.00 outside the catalogues, 10,500.00 reimbursed.
      const assessed = await app.workflows.assessBenefitClaim(app, claim.id);
      expect(assessed).toMatchObject({
        eligible: true,
        fund: 'work_injury',
        monthlyFen: 0,
        oneTimePayments: [{ kind: 'injury-medical', amountFen: 1_050_000 }],
      });
      await awardWithTwoOfficers(app, setting, claim.id);
      await app.payroll.run({ regionCode: '110000', period: '2025-07', startedBy: 'test' });
      expect(await payrollExpenseOf(db, 'work_injury')).toBe(1_050_000);
      const report = await verifyLedger(db);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    });
  },
  { env: { SHEBAO_DOCUMENTS_DIR: join(mkdtempSync(join(tmpdir(), 'shebao-documents-')), 'documents') } },
);
