import { addDays, addMonths, chinaDateOf } from '@shebao/domain';
import type { App } from '../app/index.ts';
import type { Principal } from '../modules/auth/index.ts';

/** The demo employers (by their order) whose employees claim: construction, trade, software. */
const INJURY_EMPLOYER = 4;
const UNEMPLOYMENT_EMPLOYER = 1;
const MATERNITY_EMPLOYER = 0;
/** The employer that registered a hire late: the demo employer's own login sees what the fund advanced for it. */
const LATE_EMPLOYER = 0;
/** The demo's logins are the first persons; the claims are other employees', so their pages stay as they were. */
const SKIP_STAFF = 3;

async function employerAt(app: App, index: number): Promise<{ id: number; bankAccount: string | null }> {
  const row = await app.database.db
    .selectFrom('employers')
    .select(['id', 'bank_account'])
    .orderBy('id')
    .offset(index)
    .limit(1)
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), bankAccount: row.bank_account };
}

/** An accident at work, in working hours, because of the work (WIIR Art. 14(1)), identified by one officer. */
async function identifyAtWork(app: App, identificationId: number, counter: { login: string; side: 'staff' }) {
  await app.benefits.identifyInjury(
    identificationId,
    {
      reasons: [
        {
          code: 'at-work',
          message: '在工作时间和工作场所内，因工作原因受到事故伤害。',
          source: 'WIIR Art. 14(1)',
        },
      ],
    },
    counter,
  );
}

async function award(app: App, applicationId: number, officer: Principal, reviewer: Principal) {
  await app.workflows.proposeBenefitAward(app, applicationId, {}, officer);
  await app.workflows.decideBenefitAward(app, applicationId, { approve: true }, reviewer);
}

/**
 * An employee of the trade firm moves to the software firm, which registers the hire only today, three weeks
 * after an accident in its server room (docs/RULES.md 15.15, 15.22): the employer had not insured the employee on the
 * day, so it owes the benefits; the work-injury fund advances the grade-7 disability subsidy, which this
 * month's payroll pays and claims from the employer.
 */
async function injuryAtUninsuredEmployer(
  app: App,
  at: { trader: { id: number }; employer: { id: number }; personId: number },
  counter: { login: string; side: 'staff' },
  officer: Principal,
  reviewer: Principal,
): Promise<void> {
  const today = chinaDateOf(app.clock.now());
  await app.registration.leave({
    employerId: at.trader.id,
    personId: at.personId,
    leftOn: addDays(today, -46),
    reason: 'resignation',
  });
  await app.workflows.hireEmployee(app, {
    employerId: at.employer.id,
    personId: at.personId,
    hiredOn: addDays(today, -45),
  });
  const payee = { kind: 'bank' as const, account: '6222020200177700345' };
  const identification = await app.benefits.file(
    {
      personId: at.personId,
      employerId: at.employer.id,
      application: {
        kind: 'work-injury',
        facts: {
          event: 'accident',
          eventDate: addDays(today, -21),
          employerId: at.employer.id,
          filedAs: 'employer',
          description: '在机房搬运服务器机柜时被砸伤左手（演示数据）',
          payee,
        },
      },
    },
    { login: `employer:${at.employer.id}`, side: 'employer' },
  );
  await identifyAtWork(app, identification.id, counter);
  await app.benefits.recordAppraisal(
    identification.id,
    {
      kind: 'initial',
      grade: 7,
      nursing: 'none',
      requestedOn: today,
      concludedOn: today,
      committeeRef: `京劳鉴〔${today.slice(0, 4)}〕演示002号`,
    },
    counter,
  );
  const claim = await app.benefits.file(
    {
      personId: at.personId,
      application: { kind: 'injury-benefits', facts: { identificationId: identification.id, payee } },
    },
    counter,
  );
  await award(app, claim.id, officer, reviewer);
}

/**
 * After this month's payroll paid what the work-injury fund advanced, the software firm repays half of it
 * (docs/RULES.md 15.22).
 */
export async function repayDemoAdvance(app: App, officer: Principal): Promise<void> {
  const employer = await employerAt(app, LATE_EMPLOYER);
  const advances = await app.payroll.employerAdvances(employer.id);
  if (advances.owedFen === 0) return;
  await app.payroll.recordAdvanceRepayment(
    employer.id,
    {
      amountFen: Math.floor(advances.owedFen / 2),
      receivedOn: chinaDateOf(app.clock.now()),
      bankReference: `DEMO-${employer.id}-ADVANCE-1`,
    },
    officer.loginKey,
  );
}

/**
 * A work injury, an unemployment benefit and a maternity claim in the demo region (docs/RULES.md 15.14–15.20),
 * before this month's payroll run pays them: an employee of the construction firm injured three weeks ago,
 * reported by the employer, identified as a clear case and appraised at grade 4 (the subsidy paid this month,
 * the allowance and nursing from next month); a trade firm's employee dismissed at the end of last month and
 * registered as unemployed on the 1st (paid from this month); a software firm's employee whose birth two
 * months ago gives the employer her maternity allowance and her the medical costs; and another trade firm
 * employee injured at the software firm, which had not registered the hire by then, the subsidy advanced by
 * the work-injury fund and claimed from the firm.
 */
export async function loadDemoBenefitsII(app: App, officer: Principal, reviewer: Principal): Promise<void> {
  const today = chinaDateOf(app.clock.now());
  const thisMonth = today.slice(0, 7);
  const counter = { login: officer.loginKey, side: 'staff' as const };

  const builder = await employerAt(app, INJURY_EMPLOYER);
  const builderStaff = (await app.registration.listEmployerStaff(builder.id, { activeOn: today })).slice(
    SKIP_STAFF,
  );
  const injured = builderStaff[0];
  if (injured) {
    const identification = await app.benefits.file(
      {
        personId: injured.personId,
        employerId: builder.id,
        application: {
          kind: 'work-injury',
          facts: {
            event: 'accident',
            eventDate: addDays(today, -21),
            employerId: builder.id,
            filedAs: 'employer',
            description: '在施工现场搭设脚手架时坠落，右腿骨折（演示数据）',
            payee: { kind: 'bank', account: '6222020200155500123' },
          },
        },
      },
      { login: `employer:${builder.id}`, side: 'employer' },
    );
    await app.benefits.markClearCase(identification.id, counter);
    await identifyAtWork(app, identification.id, counter);
    await app.benefits.recordAppraisal(
      identification.id,
      {
        kind: 'initial',
        grade: 4,
        nursing: 'part',
        requestedOn: today,
        concludedOn: today,
        committeeRef: `京劳鉴〔${thisMonth.slice(0, 4)}〕演示001号`,
      },
      counter,
    );
    const claim = await app.benefits.file(
      {
        personId: injured.personId,
        application: {
          kind: 'injury-benefits',
          facts: {
            identificationId: identification.id,
            payee: { kind: 'bank', account: '6222020200155500123' },
          },
        },
      },
      counter,
    );
    await award(app, claim.id, officer, reviewer);
  }

  const trader = await employerAt(app, UNEMPLOYMENT_EMPLOYER);
  const traderStaff = (await app.registration.listEmployerStaff(trader.id, { activeOn: today })).slice(
    SKIP_STAFF,
  );
  const lateHire = traderStaff[1];
  if (lateHire)
    await injuryAtUninsuredEmployer(
      app,
      { trader, employer: await employerAt(app, LATE_EMPLOYER), personId: lateHire.personId },
      counter,
      officer,
      reviewer,
    );
  const dismissed = traderStaff[0];
  if (dismissed) {
    const lastDay = addDays(`${thisMonth}-01`, -1);
    await app.registration.leave({
      employerId: trader.id,
      personId: dismissed.personId,
      leftOn: lastDay,
      reason: 'dismissal',
    });
    const claim = await app.benefits.file(
      {
        personId: dismissed.personId,
        application: {
          kind: 'unemployment',
          facts: { registeredOn: `${thisMonth}-01`, payee: { kind: 'card', account: '6228480010022300456' } },
        },
      },
      { login: `person:${dismissed.personId}`, side: 'person' },
    );
    await award(app, claim.id, officer, reviewer);
  }

  const software = await employerAt(app, MATERNITY_EMPLOYER);
  const softwareStaff = (await app.registration.listEmployerStaff(software.id, { activeOn: today })).slice(
    SKIP_STAFF,
  );
  for (const employee of softwareStaff) {
    const person = await app.registration.getPerson(employee.personId);
    if (person.sex !== 'female') continue;
    const claim = await app.benefits.file(
      {
        personId: person.id,
        employerId: software.id,
        application: {
          kind: 'maternity',
          facts: {
            event: 'birth',
            eventDate: `${addMonths(thisMonth, -2)}-08`,
            dystocia: false,
            babies: 1,
            medicalCostsFen: 680_000,
            payee: { kind: 'bank', account: '6222020200166600789' },
          },
        },
      },
      { login: `employer:${software.id}`, side: 'employer' },
    );
    await award(app, claim.id, officer, reviewer);
    break;
  }
}
