import { addDays, addMonths, chinaDateOf } from '@shebao/domain';
import type { App } from '../app/index.ts';
import type { Principal } from '../modules/auth/index.ts';

/** The demo employers (by their order) whose employees claim: construction, trade, software. */
const INJURY_EMPLOYER = 4;
const UNEMPLOYMENT_EMPLOYER = 1;
const MATERNITY_EMPLOYER = 0;
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

async function award(app: App, applicationId: number, officer: Principal, reviewer: Principal) {
  await app.workflows.proposeBenefitAward(app, applicationId, {}, officer);
  await app.workflows.decideBenefitAward(app, applicationId, { approve: true }, reviewer);
}

/**
 * A work injury, an unemployment benefit and a maternity claim in the demo region (docs/RULES.md 15.14–15.20),
 * before this month's payroll run pays them: an employee of the construction firm injured three weeks ago,
 * reported by the employer, identified as a clear case and appraised at grade 4 (the subsidy paid this month,
 * the allowance and nursing from next month); a trade firm's employee dismissed at the end of last month and
 * registered as unemployed on the 1st (paid from this month); a software firm's employee whose birth two
 * months ago gives the employer her maternity allowance and her the medical costs.
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
    await app.benefits.identifyInjury(
      identification.id,
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
