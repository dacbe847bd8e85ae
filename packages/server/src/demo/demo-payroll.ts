import { addMonths, chinaDateOf, formatFenAsYuan, makeResidentId, type Period } from '@shebao/domain';
import type { App } from '../app/index.ts';
import { loadDemoBenefitsII, repayDemoAdvance } from './demo-benefits-ii.ts';
import type { Principal } from '../modules/auth/index.ts';
import type { NewAwardPayload } from '../modules/benefits/index.ts';
import { loadRegistrationRowsReturningIds } from '../modules/registration/index.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';
import { staffPrincipal } from './demo-benefits.ts';

/** Where the demo's pensioners live. */
const DISTRICT = '110105';
/** Months of payroll the demo pays (the months before were paid by the agency's previous system). */
const PAYROLL_MONTHS = 6;

/**
 * A pensioner whose pension was awarded by the agency's previous system and carried over into Shebao: the
 * award as it stood, its parts as that system explained them.
 */
interface CarriedOver {
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  validFrom: Period;
  basicFen: number;
  accountFen: number;
  transitionalFen: number;
  accountBalanceFen: number;
  /** Paid and deemed months the award counted (the yearly adjustment's years). */
  contributionMonths: number;
  account: string;
}

/**
 * Pensioners carried over from the previous system (docs/RULES.md 14.14): one with a transitional part,
 * one whose survival verification is overdue (his months are withheld), one more paid through another
 * bank. Months before `validFrom` are not Shebao's.
 */
function carriedOver(today: string): CarriedOver[] {
  return [
    {
      name: '李秀英',
      sex: 'female',
      birthDate: '1961-03-12',
      validFrom: addMonths(today.slice(0, 7), -20),
      basicFen: 242_350,
      accountFen: 98_680,
      transitionalFen: 124_000,
      accountBalanceFen: 98_680 * 170,
      contributionMonths: 418,
      account: '6222020200118800123',
    },
    {
      name: '赵志强',
      sex: 'male',
      birthDate: '1959-09-02',
      // Awarded more than two years ago and never verified since: payment is withheld (docs/RULES.md 14.6).
      validFrom: addMonths(today.slice(0, 7), -30),
      basicFen: 268_900,
      accountFen: 112_400,
      transitionalFen: 0,
      accountBalanceFen: 112_400 * 139,
      contributionMonths: 452,
      account: '6228480000876500012',
    },
    {
      name: '孙玉兰',
      sex: 'female',
      birthDate: '1962-11-23',
      validFrom: addMonths(today.slice(0, 7), -14),
      basicFen: 198_700,
      accountFen: 65_300,
      transitionalFen: 41_800,
      accountBalanceFen: 65_300 * 195,
      contributionMonths: 372,
      account: '6216610000345600078',
    },
  ];
}

/**
 * The paying side of the demo: pensioners carried over from the previous system (each award recorded with
 * a second officer's approval, as every award is), then the region's payroll for the last months, so the
 * pages show months paid, a pensioner withheld for a missed verification, one verified at the counter, one
 * who died (payment stopped, what was paid after claimed back, funeral grant, survivors' benefit and her
 * account paid to her heirs), bank files, and the ledger verifies.
 */
export async function loadDemoPayroll(app: App): Promise<{ months: number }> {
  const db = app.database.db;
  const today = chinaDateOf(app.clock.now());
  const recordedAt = app.clock.now().toISOString();
  const officer = await staffPrincipal(app, 'benefits');
  const reviewer = await staffPrincipal(app, 'benefits2');
  const pensioners = carriedOver(today);
  const personIds = await db.transaction().execute((trx) =>
    loadRegistrationRowsReturningIds(
      trx,
      'persons',
      pensioners.map((pensioner, index) => ({
        id_number: makeResidentId(DISTRICT, pensioner.birthDate, 950 + index),
        name: pensioner.name,
        sex: pensioner.sex,
        birth_date: pensioner.birthDate,
        hukou_region_code: DISTRICT,
        hukou_type: 'urban' as const,
        category: 'employee' as const,
        region_code: '110000',
        registered_on: '1998-01-01',
        recorded_at: recordedAt,
      })),
    ),
  );
  // The first can log in, to see her pension paid (the demo's other logins: demo-accounts.ts).
  await app.auth.addUser({ kind: 'person', personId: personIds[0]!, password: DEMO_PASSWORD }, 'demo');
  for (const [index, pensioner] of pensioners.entries()) {
    const personId = personIds[index]!;
    const counter = { login: officer.loginKey, side: 'staff' as const };
    const application = await app.benefits.file(
      {
        personId,
        application: {
          kind: 'pension',
          facts: {
            payee: { kind: 'bank', account: pensioner.account },
            ...(pensioner.sex === 'female' ? { retirementGroup: 'female-50' as const } : {}),
            note: '原系统核定的养老金，迁移至本系统（演示数据）',
          },
        },
      },
      counter,
    );
    const monthlyFen = pensioner.basicFen + pensioner.accountFen + pensioner.transitionalFen;
    const part = (rule: string, amountFen: number) => ({
      rule,
      formula: `${formatFenAsYuan(amountFen)} yuan, as the previous system awarded it`,
      inputs: {},
      sources: ['GF-2005-38'],
    });
    const payload: NewAwardPayload = {
      applicationId: application.id,
      monthlyFen,
      validFrom: pensioner.validFrom,
      payee: { kind: 'bank', account: pensioner.account },
      deemedMonths: 0,
      evidenceDocumentIds: [],
      explanation: {
        basic: part('Basic pension as the previous system awarded it', pensioner.basicFen),
        account: part('Personal-account pension as the previous system awarded it', pensioner.accountFen),
        transitional: part(
          'Transitional pension as the previous system awarded it',
          pensioner.transitionalFen,
        ),
      },
      reason: `Carried over from the previous system: basic pension in payment from ${pensioner.validFrom}`,
      accountPartFen: pensioner.accountFen,
      accountBalanceFen: pensioner.accountBalanceFen,
      contributionMonths: pensioner.contributionMonths,
      payeeName: pensioner.name,
      // The previous system paid the months before the demo's first payroll.
      firstMonthToPay: addMonths(today.slice(0, 7), -(PAYROLL_MONTHS - 1)),
    };
    const { approval } = await app.approvals.proposeOnce(
      'benefits.award',
      payload,
      { regionCode: '110000', summary: `Carried-over pension of ${pensioner.name}` },
      officer,
      undefined,
    );
    await app.benefits.markAwardProposed(application.id, approval.id, counter);
    await app.approvals.approve(approval.id, reviewer);
  }

  // The last months of payroll, oldest first; each month is paid once. 李秀英's award is corrected from
  // its first month (a deemed year proved late) and the year's adjustment is published late: the payroll
  // pays both with their arrears. 李秀英 verifies at the counter in time; 孙玉兰 dies in the month before
  // last, reported by her husband and confirmed by a second officer, before this month's payroll, which
  // pays her estate (docs/RULES.md 14.9-14.12, 14.18).
  const thisMonth = today.slice(0, 7);
  let months = 0;
  for (
    let period = addMonths(thisMonth, -(PAYROLL_MONTHS - 1));
    period <= thisMonth;
    period = addMonths(period, 1)
  ) {
    if (period === addMonths(thisMonth, -4))
      await correctAward(app, personIds[0]!, pensioners[0]!, officer, reviewer);
    if (period === addMonths(thisMonth, -3)) await adjustPensions(app, period, officer, reviewer);
    if (period === thisMonth) {
      await app.workflows.recordSurvivalVerification(
        app,
        personIds[0]!,
        { method: 'counter', onDate: today, note: '本人到柜台认证（演示数据）' },
        { login: officer.loginKey, side: 'staff' },
      );
      await reportDeath(app, personIds[2]!, addMonths(thisMonth, -2), officer, reviewer);
      await loadDemoBenefitsII(app, officer, reviewer);
    }
    await app.payroll.run({ regionCode: '110000', period, startedBy: 'demo' });
    if (period === thisMonth) await repayDemoAdvance(app, officer);
    months += 1;
  }
  return { months };
}

/** 李秀英's transitional part recomputed from her first month: a year of deemed service proved late. */
async function correctAward(
  app: App,
  personId: number,
  pensioner: CarriedOver,
  officer: Principal,
  reviewer: Principal,
): Promise<void> {
  const [award] = await app.benefits.awardsOf(personId);
  await app.workflows.proposeAwardCorrection(
    app,
    personId,
    award!.awardNo,
    {
      validFrom: pensioner.validFrom,
      monthlyFen: award!.monthlyFen + 3_100,
      reason: '补充认定视同缴费年限 1 年，过渡性养老金重新核定（演示数据）',
    },
    officer,
  );
  await app.workflows.decideAwardCorrection(app, personId, award!.awardNo, { approve: true }, reviewer);
}

/**
 * The region's yearly adjustment, as a province shares out the national rise: from January, its notice
 * published in the month named, so the months paid since January are owed the difference.
 */
async function adjustPensions(
  app: App,
  publishedIn: Period,
  officer: Principal,
  reviewer: Principal,
): Promise<void> {
  const year = Number(publishedIn.slice(0, 4));
  const { approval } = await app.workflows.proposePensionAdjustment(
    app,
    '110000',
    {
      year,
      effectiveMonth: `${year}-01`,
      publishedOn: `${publishedIn}-01`,
      startedBy: `${year - 1}-12`,
      percentPpm: 10_000,
      fixedFen: 3_000,
      perYearFen: 100,
      yearCounting: 'full-years',
      ageTilt: [{ minAgeYears: 70, extraFen: 2_000 }],
      rounding: 'half-up-fen',
      source: `${year} 年调整退休人员基本养老金的通知（演示数据）`,
    },
    officer,
  );
  const decided = await app.workflows.decidePensionAdjustment(
    app,
    '110000',
    approval.id,
    { approve: true },
    reviewer,
  );
  const { policyId } = decided.result as { policyId: number };
  await app.workflows.applyPensionAdjustment(app, '110000', policyId);
}

/** The death of a demo pensioner on the 12th of a month, reported by her husband, confirmed by a second officer. */
async function reportDeath(
  app: App,
  personId: number,
  month: Period,
  officer: Principal,
  reviewer: Principal,
): Promise<void> {
  await app.workflows.proposeDeathReport(
    app,
    personId,
    {
      dateOfDeath: `${month}-12`,
      reportedBy: 'relative',
      reporterName: '周建华',
      heirs: [
        {
          name: '周建华',
          idNumber: makeResidentId(DISTRICT, '1960-05-18', 961),
          relation: 'spouse',
          bankAccount: '6222020200119900451',
          share: { parts: 2 },
        },
        {
          name: '周晓梅',
          idNumber: makeResidentId(DISTRICT, '1988-10-02', 962),
          relation: 'child',
          bankAccount: '6217000010009900452',
          share: { parts: 1 },
        },
      ],
      funeralPayee: { heirIndex: 0 },
      documentSha256: [],
      note: '死亡医学证明已核验（演示数据）',
    },
    officer,
  );
  await app.workflows.decideDeathReport(app, personId, { approve: true, note: '证明材料齐全' }, reviewer);
}
