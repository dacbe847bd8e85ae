import { addDays, addMonths, chinaDateOf } from '@shebao/domain';
import { sql } from 'kysely';
import type { App } from '../app/index.ts';
import { fixedClock } from '../app/clock.ts';
import { createAuthService } from '../modules/auth/index.ts';
import { createMedicalService, type ClaimInput } from '../modules/medical/index.ts';
import { DEMO_PASSWORD } from './demo-accounts.ts';
import { staffPrincipal } from './demo-benefits.ts';

/*
 * The medical side of the demo region (docs/RULES.md 16.1-16.7): three designated hospitals of levels 3, 2 and 1
 * and a pharmacy, each with a service agreement; the level-3 hospital's counter account; medical officers;
 * and claims of the demo's insured persons over the last two months, settled on their days: clinic
 * visits, pharmacy purchases paid from the medical personal account, a stay that crosses the deductible,
 * and one purchase cancelled.
 */

const REGION = '110000';

interface DemoInstitution {
  code: string;
  name: string;
  kind: 'hospital' | 'clinic' | 'pharmacy';
  level?: 1 | 2 | 3;
  category: string;
  address: string;
}

export const DEMO_INSTITUTIONS: readonly DemoInstitution[] = [
  {
    code: 'H11010500001',
    name: '北京演示第一人民医院',
    kind: 'hospital',
    level: 3,
    category: '综合医院',
    address: '北京市朝阳区演示路1号',
  },
  {
    code: 'H11010500002',
    name: '朝阳演示中医医院',
    kind: 'hospital',
    level: 2,
    category: '中医医院',
    address: '北京市朝阳区演示路18号',
  },
  {
    code: 'H11010500003',
    name: '望京演示社区卫生服务中心',
    kind: 'clinic',
    level: 1,
    category: '社区卫生服务中心',
    address: '北京市朝阳区望京演示街5号',
  },
  {
    code: 'P11010500001',
    name: '演示大药房（望京店）',
    kind: 'pharmacy',
    category: '零售药店',
    address: '北京市朝阳区望京演示街9号',
  },
];

export async function loadDemoMedical(app: App): Promise<void> {
  const db = app.database.db;
  const today = chinaDateOf(app.clock.now());
  const auth = createAuthService(db, app.clock);
  const yearStart = `${Number(today.slice(0, 4)) - 1}-01-01`;
  const institutionIds: number[] = [];
  for (const institution of DEMO_INSTITUTIONS) {
    const view = await app.medical.registerInstitution(
      { ...institution, regionCode: REGION, ...(institution.level ? { level: institution.level } : {}) },
      'demo',
    );
    await app.medical.signAgreement(
      view.id,
      {
        agreementNo: `BJYB-${institution.code}`,
        validFrom: yearStart,
        validTo: `${Number(today.slice(0, 4)) + 1}-12-31`,
        scope:
          institution.kind === 'pharmacy' ? ['pharmacy'] : ['outpatient', 'inpatient', 'chronic', 'pharmacy'],
        paymentDays: 30,
      },
      'demo',
    );
    institutionIds.push(view.id);
  }
  for (const user of [
    { userName: 'medical', displayName: '医保审核员', roles: ['medical_officer'] as const },
    { userName: 'medical2', displayName: '医保复核员', roles: ['medical_officer'] as const },
  ])
    await auth.addUser(
      { kind: 'staff', ...user, roles: [...user.roles], regionCodes: [REGION], password: DEMO_PASSWORD },
      'demo',
    );
  await auth.addUser(
    {
      kind: 'staff',
      userName: 'hospital',
      displayName: '第一人民医院医保窗口',
      roles: ['institution_user'],
      regionCodes: [REGION],
      institutionId: institutionIds[0]!,
      password: DEMO_PASSWORD,
    },
    'demo',
  );

  // Patients: employees whose premiums of last month are paid, the ones who can log in first.
  const lastMonth = addMonths(today.slice(0, 7), -1);
  const persons = await db
    .selectFrom('persons')
    .innerJoin('contribution_lines as l', 'l.person_id', 'persons.id')
    .innerJoin('bills as b', 'b.id', 'l.bill_id')
    .leftJoin('users', 'users.person_id', 'persons.id')
    .select(['persons.id', 'persons.id_number'])
    .where('persons.category', '=', 'employee')
    .where('l.period', '=', lastMonth)
    .whereRef('b.paid_fen', '>=', 'b.total_fen')
    .orderBy(sql`users.id is null`)
    .orderBy('persons.id')
    .limit(3)
    .execute();
  if (persons.length === 0) return;
  const [hospital, secondary, clinic, pharmacy] = institutionIds as [number, number, number, number];
  const day = (period: string, dayOfMonth: number) => {
    const date = `${period}-${String(dayOfMonth).padStart(2, '0')}`;
    return date > today ? today : date;
  };
  const item = (
    code: string,
    name: string,
    amountYuan: number,
    itemClass: 'full' | 'part' | 'none' = 'full',
  ) => ({
    code,
    name,
    itemClass,
    quantity: 1,
    amountFen: amountYuan * 100,
    ...(itemClass === 'part' ? { selfPaySharePpm: 100_000 } : {}),
  });
  const claims: { on: string; input: ClaimInput; cancel?: string }[] = [];
  for (const [index, person] of persons.entries()) {
    const idNumber = person.id_number;
    claims.push(
      {
        on: day(lastMonth, 6 + index),
        input: {
          institutionId: clinic,
          idNumber,
          kind: 'outpatient',
          visitDate: day(lastMonth, 6 + index),
          items: [
            item('001101000010000', '普通门诊诊查费', 50),
            item('XA01ABD075A001010101445', '阿莫西林胶囊', 86, 'part'),
          ],
          useAccount: true,
        },
      },
      {
        on: day(lastMonth, 12 + index),
        input: {
          institutionId: pharmacy,
          idNumber,
          kind: 'pharmacy',
          visitDate: day(lastMonth, 12 + index),
          items: [
            item('XC10AAA140A001010100123', '阿托伐他汀钙片', 128),
            item('ZB0000000000', '保健食品', 60, 'none'),
          ],
          useAccount: true,
        },
        ...(index === 2 ? { cancel: '患者退药' } : {}),
      },
    );
  }
  const first = persons[0]!.id_number;
  claims.push(
    {
      on: day(lastMonth, 24),
      input: {
        institutionId: hospital,
        idNumber: first,
        kind: 'inpatient',
        visitDate: day(lastMonth, 16),
        dischargeDate: day(lastMonth, 23),
        department: '心内科',
        diagnosis: '冠状动脉粥样硬化性心脏病',
        items: [
          item('002103000010000', '床位费', 560),
          item('003105000020000', '冠状动脉造影术', 6800, 'part'),
          item('XC01DXN053A001010101234', '硝酸甘油注射液', 420),
          item('HC0000000001', '自费耗材', 1200, 'none'),
        ],
        useAccount: false,
      },
    },
    {
      on: day(today.slice(0, 7), 3),
      input: {
        institutionId: secondary,
        idNumber: first,
        kind: 'chronic',
        visitDate: day(today.slice(0, 7), 3),
        department: '中医内科',
        diagnosis: '高血压病（门诊慢特病）',
        items: [
          item('XC09CAA051A001010100321', '缬沙坦胶囊', 310),
          item('001101000020000', '门诊诊查费', 30),
        ],
        useAccount: true,
      },
    },
  );
  // A clinic visit that charges the same injection twice, and one at the clinic while the first patient was
  // staying at the hospital: the supervision scan flags both.
  claims.push(
    {
      on: day(lastMonth, 26),
      input: {
        institutionId: clinic,
        idNumber: persons.at(-1)!.id_number,
        kind: 'chronic',
        visitDate: day(lastMonth, 26),
        diagnosis: '2型糖尿病（门诊慢特病）',
        items: [
          item('001101000010000', '普通门诊诊查费', 30),
          item('XB05BAA030B002010100456', '葡萄糖注射液（静脉注射）', 260),
          item('XB05BAA030B002010100456', '葡萄糖注射液（静脉注射）', 260),
        ],
        useAccount: false,
      },
    },
    {
      on: day(lastMonth, 19),
      input: {
        institutionId: clinic,
        idNumber: first,
        kind: 'outpatient',
        visitDate: day(lastMonth, 19),
        items: [item('001101000010000', '普通门诊诊查费', 30)],
        useAccount: false,
      },
    },
  );
  for (const [index, claim] of claims.entries()) {
    // Each claim as settled on its own day, by the institution's counter.
    const onDay = createMedicalService(db, fixedClock(`${claim.on}T02:00:00.000Z`), app.policy);
    const outcome = await onDay.settleClaim({
      input: claim.input,
      idempotencyKey: `demo-claim-${index}`,
      recordedBy: 'staff:hospital',
    });
    if ('error' in outcome) throw outcome.error;
    if (claim.cancel) {
      const cancelDay = createMedicalService(
        db,
        fixedClock(`${addDays(claim.on, 1) > today ? today : addDays(claim.on, 1)}T02:00:00.000Z`),
        app.policy,
      );
      await cancelDay.cancelClaim(outcome.claim.claimNo, claim.cancel, {
        loginKey: 'staff:hospital',
        institutionId: null,
      });
    }
  }
}

/**
 * The month after the claims (docs/RULES.md 16.4, 16.6, 16.7): the supervision scan over last month, the
 * duplicate charge turned into a finding against the clinic (MFR Art. 38, 1.5 times) proposed by one
 * medical officer and approved by the other, the other flag left in the queue; then last month settled
 * with every institution (the clinic's recovery kept back) and this month's retiree credits.
 */
export async function loadDemoMedicalMonth(app: App): Promise<void> {
  const today = chinaDateOf(app.clock.now());
  const lastMonth = addMonths(today.slice(0, 7), -1);
  await app.medical.scanClaims({ regionCode: REGION, from: `${lastMonth}-01`, to: today });
  const queue = await app.medical.listReviews({ regionPrefix: '11', status: 'open', limit: 50 });
  const duplicate = queue.find((flag) => flag.rule === 'same-item-twice');
  if (duplicate) {
    const { finding } = await app.workflows.proposeMedicalFinding(
      app,
      {
        flagIds: [duplicate.id],
        subject: 'institution',
        article: 'MFR Art. 38',
        description: '同一注射项目同日重复收费',
        lossFen: Math.min(duplicate.claim.pooledFen, 13_000),
        multiplePpm: 1_500_000,
        suspensionMonths: 0,
        terminate: false,
      },
      await staffPrincipal(app, 'medical'),
    );
    await app.workflows.decideMedicalFinding(
      app,
      finding.findingNo,
      { approve: true, note: '核实无误' },
      await staffPrincipal(app, 'medical2'),
    );
  }
  await app.medical.settleInstitutionsMonth({ regionCode: REGION, period: lastMonth }, 'staff:medical');
  await app.medical.creditRetireeAccounts({ regionCode: REGION, period: today.slice(0, 7) });
}
