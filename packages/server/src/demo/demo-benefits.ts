import { addDays, addMonths, calculateRetirement, makeResidentId, type Period } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { App } from '../app/index.ts';
import type { Database } from '../db/index.ts';
import type { Principal } from '../modules/auth/index.ts';
import { loadRegistrationRows, loadRegistrationRowsReturningIds } from '../modules/registration/index.ts';
import { loadDemoRecordCorrection } from './demo-record-correction.ts';

/** Where the demo's retiree worked, registered and lives. */
const RETIREE_DISTRICT = '110105';
/** His declared wage through the demo's years. */
const RETIREE_WAGE_FEN = 1_200_000;
/** Years of service before the personal accounts began (视同缴费), proved by his employment file. */
const RETIREE_DEEMED_MONTHS = 180;

/** The first day of the month after. */
const endOfMonth = (period: Period) => addDays(`${addMonths(period, 1)}-01`, -1);

/**
 * A man who reaches his statutory retirement age three months before the demo's last month: employed at
 * the demo's last employer through the demo's years until he retires, so the month runs bill and the
 * payments pay his months like everyone else's. Written before the runs, after everyone else, so the
 * other demo people keep their ids and figures.
 */
export async function insertDemoRetiree(
  db: Kysely<Database>,
  input: { employerId: number; firstPeriod: Period; lastPeriod: Period; recordedAt: string },
): Promise<{ personId: number; retirementMonth: Period }> {
  // The 2024 schedule skips some months; the latest month not after the target that someone reaches.
  let retirementMonth: Period | undefined;
  let birthMonth: Period | undefined;
  for (let back = 3; !retirementMonth; back += 1) {
    const target = addMonths(input.lastPeriod, -back);
    for (let age = 720; age <= 760 && !birthMonth; age += 1) {
      const candidate = addMonths(target, -age);
      if (calculateRetirement({ birthMonth: candidate, group: 'male' }).retirementMonth === target)
        birthMonth = candidate;
    }
    if (birthMonth) retirementMonth = target;
  }
  const birthDate = `${birthMonth}-08`;
  const [personId] = await db.transaction().execute(async (trx) => {
    const ids = await loadRegistrationRowsReturningIds(trx, 'persons', [
      {
        id_number: makeResidentId(RETIREE_DISTRICT, birthDate, 901),
        name: '王建国',
        sex: 'male',
        birth_date: birthDate,
        hukou_region_code: RETIREE_DISTRICT,
        hukou_type: 'urban',
        category: 'employee',
        region_code: '110000',
        registered_on: '2008-03-01',
        recorded_at: input.recordedAt,
      },
    ]);
    const leftOn = endOfMonth(addMonths(retirementMonth!, -1));
    await loadRegistrationRows(trx, 'employments', [
      {
        person_id: ids[0]!,
        employer_id: input.employerId,
        region_code: '110000',
        hired_on: '2008-03-01',
        hire_reason: 'new_hire',
        left_on: leftOn,
        leave_reason: 'retirement',
        registered_on: '2008-03-01',
        recorded_at: input.recordedAt,
      },
    ]);
    const cycles: Period[] = [];
    for (let year = Number(input.firstPeriod.slice(0, 4)) - 1; year <= Number(leftOn.slice(0, 4)); year += 1)
      cycles.push(`${year}-07`);
    await loadRegistrationRows(
      trx,
      'contribution_bases',
      cycles.map((cycle) => ({
        person_id: ids[0]!,
        employer_id: input.employerId,
        region_code: '110000',
        cycle_start: cycle,
        declared_fen: RETIREE_WAGE_FEN,
        source: 'yearly' as const,
        version: 1,
        declared_on: `${cycle}-10`,
        recorded_at: input.recordedAt,
      })),
    );
    return ids;
  });
  return { personId: personId!, retirementMonth: retirementMonth! };
}

/** A staff member of the demo acting in a use case (the demo has no HTTP requests to take them from). */
export async function staffPrincipal(app: App, userName: string): Promise<Principal> {
  const user = await app.database.db
    .selectFrom('users')
    .select(['id', 'login_key', 'display_name', 'roles_json', 'region_codes_json'])
    .where('user_name', '=', userName)
    .where('kind', '=', 'staff')
    .executeTakeFirstOrThrow();
  return {
    userId: Number(user.id),
    kind: 'staff',
    loginKey: user.login_key,
    displayName: user.display_name,
    roles: JSON.parse(user.roles_json) as Principal['roles'],
    regionCodes: JSON.parse(user.region_codes_json) as string[],
    personId: null,
    employerId: null,
    institutionId: null,
    via: 'session',
    actorUserId: Number(user.id),
    scope: 'write',
    csrfToken: null,
  };
}

/**
 * The benefit side of the demo: the retiree's pension claim, filed at the counter with his deemed service
 * certificate, worked out from his record, proposed by one benefits officer and approved by the other; and
 * two requests to correct the record still open in the queue (one waiting for material), so the clocks
 * show, and one granted.
 */
export async function loadDemoBenefits(
  app: App,
  retiree: { personId: number; retirementMonth: Period },
): Promise<void> {
  // Beijing publishes each year's pension calculation base mid-year; until the seeds carry the year the
  // demo's retiree starts in, the demo goes on with the last published one, as an agency does
  // provisionally (and recalculates once the new base is out).
  const book = await app.policy.loadBook();
  const at = { regionCode: '110000', period: retiree.retirementMonth };
  if (!book.find('pension.calculationBase', at)) {
    const last = book.require<number>('pension.calculationBase', { ...at, period: '2025-12' });
    await app.policy.addVersion(
      {
        name: 'pension.calculationBase',
        regionCode: '110000',
        insurance: null,
        party: null,
        category: null,
        validFrom: '2026-01',
        validTo: null,
        value: last.value,
        source: `演示数据：新年度计发基数公布前沿用上年度数值（${last.parameter.source}）`,
      },
      'demo',
    );
  }
  const officer = await staffPrincipal(app, 'benefits');
  const reviewer = await staffPrincipal(app, 'benefits2');
  const counter = { login: officer.loginKey, side: 'staff' as const };
  const claim = await app.benefits.file(
    {
      personId: retiree.personId,
      application: {
        kind: 'pension',
        facts: {
          payee: { kind: 'card', account: '6217000010001234567' },
          deemedMonthsClaimed: RETIREE_DEEMED_MONTHS,
        },
      },
    },
    counter,
  );
  const certificate = await app.benefits.addDocument(
    claim.id,
    {
      kind: 'deemed-service',
      fileName: 'deemed-service-certificate.pdf',
      mediaType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4\n% Shebao demo: certificate of service before 1996 (视同缴费年限认定)\n'),
    },
    counter,
  );
  await app.workflows.proposeBenefitAward(
    app,
    claim.id,
    { deemedMonths: RETIREE_DEEMED_MONTHS, evidenceDocumentIds: [certificate.documents[0]!.id] },
    officer,
  );
  await app.workflows.decideBenefitAward(app, claim.id, { approve: true }, reviewer);

  // Two requests to correct the record, still open: one under review, one waiting for material.
  const persons = await app.database.db.selectFrom('persons').select('id').orderBy('id').limit(2).execute();
  for (const [index, person] of persons.entries()) {
    const filed = await app.benefits.file(
      {
        personId: Number(person.id),
        application: {
          kind: 'record-correction',
          facts: {
            what: 'missing-month',
            periods: ['2018-05'],
            description: '2018年5月在原单位工作，记录中缺少该月缴费。',
          },
        },
      },
      { login: `person:${person.id}`, side: 'person' },
    );
    if (index === 1)
      await app.benefits.requestMaterial(filed.id, '请提供2018年5月的工资流水或劳动合同。', counter);
  }
  // And one granted, with the adjustment bills of the months it corrected.
  await loadDemoRecordCorrection(app, { officer, reviewer });
}
