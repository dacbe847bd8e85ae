import { checkFlexibleBase } from '@shebao/domain';
import { expect, it } from 'vitest';
import { fixedClock } from '../app/clock.ts';
import { assembleApp } from '../app/index.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/index.ts';
import { describeEachDatabase, expectPersonYearSummariesKept } from '../testing/index.ts';
import { verifyLedger } from '../modules/ledger/index.ts';
import { describeDemoLogins, listDemoLogins } from './demo-accounts.ts';
import { demoCreditCode } from './demo-people.ts';
import { DEMO_REGION, FLEXIBLE_WAGE_PERIOD, loadDemo } from './load-demo.ts';

describeEachDatabase('demo region', (getDb, dialect) => {
  it('loads two years of a living region whose ledger verifies, and only once', async () => {
    const db = getDb();
    const clock = fixedClock('2026-11-22T04:00:00.000Z');
    const documents = join(mkdtempSync(join(tmpdir(), 'shebao-demo-')), 'documents');
    const app = await assembleApp(
      { db, dialect, close: async () => {} },
      loadConfig({ SHEBAO_DOCUMENTS_DIR: documents }),
      clock,
    );
    const policy = app.policy;
    const summary = await loadDemo(app);
    expect(summary).toMatchObject({
      loaded: true,
      employers: 8,
      months: 24,
      firstPeriod: '2024-11',
      lastPeriod: '2026-10',
    });
    expect(summary.persons).toBeGreaterThan(300);
    const report = await verifyLedger(db);
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    // The rights record's per-year summaries, kept by triggers through two years of real runs.
    await expectPersonYearSummariesKept(db);
    // People were told as things happened (docs/RULES.md 17.6): their months credited, the flexible workers'
    // vouchers, the benefit applicants, and the first employer's staff their last month's details.
    const told = await db
      .selectFrom('notices')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    const toldKinds = Object.fromEntries(told.map((row) => [row.kind, Number(row.n)]));
    expect(toldKinds['contribution.credited']).toBeGreaterThan(1000);
    expect(toldKinds['payment.voucher']).toBeGreaterThan(100);
    expect(toldKinds['benefit.status']).toBeGreaterThan(0);
    expect(toldKinds['monthly.details']).toBeGreaterThan(5);
    expect(toldKinds['monthly.unreached']).toBe(1);
    // Cards in every state a visitor meets (docs/RULES.md 18.2), the retiree's pension paid to theirs.
    const cards = await db.selectFrom('social_security_cards').select(['status']).orderBy('id').execute();
    expect(cards.map((card) => card.status)).toEqual([
      'active',
      'active',
      'temporarily_lost',
      'sent_to_bank',
      'applied',
      'approved',
    ]);
    const paidToCards = await db
      .selectFrom('benefit_roll')
      .select('payee_kind')
      .where('payee_kind', '=', 'card')
      .execute();
    expect(paidToCards.length).toBeGreaterThan(0);
    expect(toldKinds['card.status']).toBeGreaterThan(10);
    const kinds = await db.selectFrom('bills').select('kind').distinct().execute();
    expect(kinds.map((row) => row.kind).sort()).toEqual(['adjustment', 'late_fee', 'regular', 'settlement']);
    // One employer forgot to declare 2026-05: estimated at 110% of April, settled once it declared.
    const estimated = await db
      .selectFrom('bills')
      .innerJoin('bill_estimates', 'bill_estimates.bill_id', 'bills.id')
      .select(['bills.bill_no', 'bills.period', 'bill_estimates.basis_period', 'bill_estimates.rate_ppm'])
      .execute();
    expect(estimated).toEqual([
      expect.objectContaining({ period: '2026-05', basis_period: '2026-04', rate_ppm: 1_100_000 }),
    ]);
    const settlement = await db
      .selectFrom('bills')
      .select(['bill_no', 'total_fen', 'paid_fen'])
      .where('kind', '=', 'settlement')
      .orderBy('bill_no')
      .execute();
    expect(settlement.map((bill) => bill.bill_no)).toEqual([
      `${estimated[0]!.bill_no}-S`,
      `${estimated[0]!.bill_no}-SR`,
    ]);
    // The estimate was paid, so the real month is paid from it and its credit is used up on later bills.
    expect(settlement.every((bill) => bill.paid_fen === bill.total_fen)).toBe(true);
    const arrears = await db
      .selectFrom('bills')
      .select('id')
      .whereRef('paid_fen', '<', 'total_fen')
      .where('kind', '=', 'regular')
      .execute();
    expect(arrears.length).toBeGreaterThan(0);
    // Three insured persons, a pensioner and a flexible worker (who pays online) can log in.
    const logins = await db
      .selectFrom('users')
      .innerJoin('persons', 'persons.id', 'users.person_id')
      .select('persons.category')
      .where('users.kind', '=', 'person')
      .execute();
    expect(logins.map((row) => row.category).sort()).toEqual([
      'employee',
      'employee',
      'employee',
      'employee',
      'flexible',
    ]);
    // Each flexible worker holds a whole grade and the base of that grade (not 70.0008% of a round base).
    const averageWageFen = (await policy.loadBook()).require<number>('base.averageWage', {
      regionCode: DEMO_REGION,
      period: FLEXIBLE_WAGE_PERIOD,
    }).value;
    const enrolments = await db.selectFrom('flexible_enrolments').select(['grade_ppm', 'base_fen']).execute();
    expect(enrolments.length).toBeGreaterThan(0);
    for (const enrolment of enrolments) {
      expect(Number(enrolment.grade_ppm) % 100_000).toBe(0);
      const grade = checkFlexibleBase(averageWageFen, { gradePpm: Number(enrolment.grade_ppm) });
      expect(grade.ok && grade.baseFen).toBe(Number(enrolment.base_fen));
    }
    // The logins the banner and the README show: the same flexible worker on any date (the first one,
    // who leaves the last month unpaid), read back from the accounts.
    const demoLogins = await listDemoLogins(db);
    expect(demoLogins.staff).toEqual([
      'admin',
      'admin2',
      'collector',
      'auditor',
      'inspector',
      'benefits',
      'benefits2',
      'medical',
      'medical2',
      'hospital',
    ]);
    expect(demoLogins.employers).toEqual([{ creditCode: demoCreditCode(0), userName: 'finance' }]);
    const firstFlexible = await db
      .selectFrom('persons')
      .select('id_number')
      .where('category', '=', 'flexible')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(demoLogins.flexibleWorkers).toEqual([firstFlexible.id_number]);
    const lastBill = await db
      .selectFrom('bills')
      .innerJoin('persons', 'persons.id', 'bills.person_id')
      .select(['bills.total_fen', 'bills.paid_fen'])
      .where('persons.id_number', '=', firstFlexible.id_number)
      .where('bills.period', '=', summary.lastPeriod)
      .where('bills.kind', '=', 'regular')
      .executeTakeFirstOrThrow();
    expect(lastBill.paid_fen).toBeLessThan(lastBill.total_fen);
    // The benefit side: the retiree's pension awarded after a second approval, and three pensions carried
    // over from the previous system, every one approved by a second officer; two requests still open.
    // One carried-over award is corrected (version 2), then the year's adjustment gives the three
    // carried-over pensions their next version; every version has the second officer's approval.
    const allAwards = await db.selectFrom('benefit_awards').selectAll().orderBy('id').execute();
    for (const award of allAwards)
      expect(award).toMatchObject({ proposed_by: 'staff:benefits', approved_by: 'staff:benefits2' });
    const awards = allAwards.filter((award) => award.kind === 'pension');
    expect(awards.filter((award) => award.version === 1)).toHaveLength(4);
    expect(awards.map((award) => award.version).sort()).toEqual([1, 1, 1, 1, 2, 2, 2, 3]);
    for (const award of awards) expect(award.monthly_fen).toBeGreaterThan(0);
    // A work injury, an unemployment benefit and a maternity claim awarded (docs/RULES.md 15.17–15.19), each
    // paid by this month's run out of its own fund: the disability subsidy, the first month of unemployment
    // benefit, the maternity allowance and medical costs.
    expect(allAwards.filter((award) => award.kind !== 'pension').map((award) => award.kind)).toEqual([
      'injury-benefits',
      'injury-benefits',
      'unemployment',
      'maternity',
    ]);
    const paidByFund = await db
      .selectFrom('payroll_lines as l')
      .innerJoin('payroll_bank_files as f', 'f.id', 'l.bank_file_id')
      .leftJoin('one_time_payments as o', 'o.id', 'l.one_time_id')
      .select(['f.fund', 'o.kind'])
      .where('f.fund', '<>', 'pension')
      .orderBy('l.id')
      .execute();
    expect(paidByFund).toEqual([
      { fund: 'unemployment', kind: null },
      { fund: 'work_injury', kind: 'injury-disability-subsidy' },
      { fund: 'work_injury', kind: 'injury-disability-subsidy' },
      { fund: 'medical', kind: 'maternity-allowance' },
      { fund: 'medical', kind: 'maternity-medical' },
    ]);
    // The software firm had not registered the second injured employee by the day of the accident: the fund
    // advanced the subsidy, claimed from the firm, which repaid half (docs/RULES.md 15.22).
    const advances = await db.selectFrom('employer_advance_claims').select(['amount_fen']).execute();
    expect(advances).toHaveLength(1);
    const repaid = await db.selectFrom('employer_advance_repayments').select(['amount_fen']).execute();
    expect(repaid).toEqual([{ amount_fen: Math.floor(Number(advances[0]!.amount_fen) / 2) }]);
    // The correction and the late adjustment were paid as arrears with the months after them.
    const versionArrears = await db
      .selectFrom('payment_adjustments')
      .select(['source_key', 'settled_line_id'])
      .where('reason', '=', 'award-version')
      .execute();
    expect(new Set(versionArrears.map((row) => row.source_key.split(':')[0]))).toEqual(
      new Set(['correction', 'adjustment']),
    );
    expect(versionArrears.every((row) => row.settled_line_id !== null)).toBe(true);
    // Six months of payroll: every award on the roll paid once a month, one withheld for a missed
    // verification; the ledger (verified above) holds the benefit postings.
    const runs = await db.selectFrom('payroll_runs').select(['period', 'status']).orderBy('period').execute();
    expect(runs).toHaveLength(6);
    expect(runs.every((run) => run.status === 'done')).toBe(true);
    const lineStates = await db
      .selectFrom('payroll_lines')
      .select(['state'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy('state')
      .orderBy('state')
      .execute();
    expect(lineStates.map((row) => row.state)).toEqual(['owed', 'withheld']);
    // One pensioner died two months ago: last month's payment is claimed back from her estate, which the
    // latest payroll paid: the funeral grant, the survivors' benefit and her account, split between two heirs.
    const claims = await db.selectFrom('recovery_claims').select(['months']).execute();
    expect(claims).toHaveLength(1);
    const estate = await db
      .selectFrom('one_time_payments as o')
      .innerJoin('payroll_lines as l', 'l.one_time_id', 'o.id')
      .select(['o.kind'])
      .where('o.fund', '=', 'pension')
      .orderBy('o.id')
      .execute();
    expect(estate.map((row) => row.kind)).toEqual([
      'funeral-grant',
      'survivors-benefit',
      'survivors-benefit',
      'account-inheritance',
      'account-inheritance',
    ]);
    const open = await app.benefits.queue({
      regionCode: DEMO_REGION,
      states: ['under-review', 'awaiting-material'],
      limit: 10,
    });
    expect(open.map((application) => application.state).sort()).toEqual([
      'awaiting-material',
      'under-review',
    ]);
    // One request to correct the record granted, with the adjustment bills of the months it corrected.
    const decided = await app.benefits.queue({ regionCode: DEMO_REGION, states: ['decided'], limit: 10 });
    const request = decided.find((application) => application.kind === 'record-correction')!;
    const { correction } = await app.benefits.get(request.id);
    expect(correction).toMatchObject({ status: 'granted', reassessedAt: expect.any(String) });
    expect(correction!.adjustments.length).toBeGreaterThan(0);
    expect(correction!.adjustments.every((adjustment) => adjustment.personFen > 0)).toBe(true);
    // The medical side (issue 17): designated institutions, claims settled on their days last month and
    // this, one cancelled, the year's totals equal to the claims.
    const institutions = await app.medical.listInstitutions('11', { afterId: 0, limit: 10 });
    expect(institutions.map((institution) => institution.kind)).toEqual([
      'hospital',
      'hospital',
      'clinic',
      'pharmacy',
    ]);
    const hospitalClaims = await app.medical.listClaims({ institutionId: institutions[0]!.id, limit: 10 });
    expect(hospitalClaims.some((claim) => claim.kind === 'inpatient' && claim.pooledFen > 0)).toBe(true);
    const pharmacyClaims = await app.medical.listClaims({ institutionId: institutions[3]!.id, limit: 10 });
    expect(pharmacyClaims.map((claim) => claim.status).sort()).toEqual(['cancelled', 'settled', 'settled']);
    expect(pharmacyClaims.some((claim) => claim.accountFen > 0)).toBe(true);
    expect(await app.medical.yearTotalsDrift()).toEqual([]);
    // Last month settled with every institution; the clinic's recovery of an approved finding kept back;
    // a flag left in the review queue.
    const settled = await app.medical.statementsOfPeriod('11', '2026-10');
    // (The second hospital's only claim is this month's.)
    expect(settled.map((row) => row.institutionId)).toEqual(
      [0, 2, 3].map((index) => institutions[index]!.id),
    );
    const [finding] = await app.medical.listFindings({ regionPrefix: '11', status: 'approved', limit: 5 });
    expect(finding).toMatchObject({
      article: 'MFR Art. 38',
      subject: 'institution',
      institutionId: institutions[2]!.id,
    });
    expect(settled.find((row) => row.institutionId === institutions[2]!.id)!.deductedFen).toBe(
      finding!.lossFen,
    );
    expect(
      (await app.medical.listReviews({ regionPrefix: '11', status: 'open', limit: 10 })).map(
        (flag) => flag.rule,
      ),
    ).toContain('two-places');
    const banner = describeDemoLogins(demoLogins).join('\n');
    for (const login of [
      ...demoLogins.staff,
      ...demoLogins.persons,
      ...demoLogins.flexibleWorkers,
      demoCreditCode(0),
    ])
      expect(banner).toContain(login);
    expect((await loadDemo(app)).loaded).toBe(false);
  }, 120_000);
});
