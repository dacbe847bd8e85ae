// Medical insurance on the paying side (docs/RULES.md 16.1-16.7): the demo hospital's counter settles a claim of
// a demo patient and cancels it, the patient reads their medical account and claims, a medical officer
// registers an institution and signs, suspends and restores its agreement, and reads a resident's
// enrolment with its waiting period. Every amount on the pages is checked against the server's reply.
import { addDays, chinaDateOf, formatFenAsYuan } from '@shebao/domain';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { choose } from './ant-select.ts';
import { pickDate } from './date-picker.ts';
import { DEMO_PASSWORD, uniqueIdNumber } from './demo-data.ts';
import { fitsTheWidth, screenshot, startBrowser, testServers, type BrowserSession } from './harness.ts';
import { signInAsPerson, signInAsStaff } from './sign-in-helpers.ts';

const environment = inject('browserTests');
// One database is enough for pages whose server side is tested on both (keeps CI time down).
const servers = testServers(environment).filter((server) => server.database === 'sqlite');

const LINES = ['outpatient', 'inpatient', 'chronic'] as const;
type Lines = Record<(typeof LINES)[number], number>;

interface Claim {
  claimNo: string;
  status: 'settled' | 'cancelled';
  institution: { id: number; name: string };
  person: { id: number; name: string };
  kind: string;
  visitDate: string;
  totalFen: number;
  notCoveredFen: number;
  partSelfPayFen: number;
  policyRangeFen: number;
  deductibleFen: number;
  coinsuranceFen: number;
  overCapFen: number;
  pooledFen: number;
  accountFen: number;
  cashFen: number;
  line: string | null;
  year: {
    deductibleUsedFen: Lines;
    pooledFen: Lines;
    pooledTotalFen: number;
    annualCapLeftFen: number;
    lineCapLeftFen: number | null;
  };
  cancellation: { cancelledOn: string; reason: string } | null;
}

interface MedicalAccount {
  balanceFen: number;
  movements: { kind: string; amountFen: number; claimNo: string | null }[];
  year: { year: number; claims: number; deductibleUsedFen: Lines; pooledFen: Lines; pooledTotalFen: number };
  claims: Claim[];
  enrolments: { year: number; amountFen: number; coveredFrom: string }[];
}

interface Institution {
  id: number;
  code: string;
  name: string;
  settlingToday: boolean;
  agreements: {
    id: number;
    agreementNo: string;
    status: string;
    statusFrom: string;
    statusUntil: string | null;
    statusReason: string | null;
    statusSource: string | null;
    history: { status: string }[];
  }[];
}

/** The exact fen an amount on the page shows (its `data-amount-fen`), the first named so in `scope`. */
async function amount(scope: Locator, name: string): Promise<number> {
  return Number(await scope.locator(`[data-amount="${name}"]`).first().getAttribute('data-amount-fen'));
}

/** Chooses one of Ant Design's button-styled radios by its text (its input itself is hidden). */
async function pick(scope: Locator, text: string): Promise<void> {
  await scope.locator('label.ant-radio-button-wrapper').filter({ hasText: text }).click();
  expect(await scope.getByRole('radio', { name: text }).isChecked()).toBe(true);
}

/** An API session of a demo staff account for the test's own reads and writes (logins are rate-limited). */
async function staffApi(baseUrl: string, userName: string) {
  const login = await fetch(`${baseUrl}/api/auth/login/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName, password: DEMO_PASSWORD }),
  });
  expect(login.status, `${userName} logs in`).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = {
    cookie,
    accept: 'application/json',
    'content-type': 'application/json',
    'x-csrf-token': csrfToken,
  };
  return {
    get: async <T>(path: string): Promise<T> => {
      const response = await fetch(`${baseUrl}${path}`, { headers });
      expect(response.status, path).toBe(200);
      return (await response.json()) as T;
    },
    post: (path: string, body: unknown) =>
      fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }),
  };
}
type StaffApi = Awaited<ReturnType<typeof staffApi>>;

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'medical insurance: the counter, the person, the medical officers, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    const sessions: BrowserSession[] = [];
    const browser = async (locale: 'zh-CN' | 'en-US') => {
      const session = await startBrowser(environment.chromiumPath!, locale);
      sessions.push(session);
      return session.context.newPage();
    };
    let admin: StaffApi;
    let hospital: StaffApi;
    let today = environment.today;
    let hospitalId = 0;
    /** A demo patient of the hospital, who got a login of their own. */
    let patient: { id: number; idNumber: string; name: string };
    /** A resident enrolled today, still in the waiting period. */
    let resident: { id: number; idNumber: string; coveredFrom: string };
    /** The claim the counter settles in the first test and cancels in the second. */
    let settled: Claim | undefined;

    beforeAll(async () => {
      const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { time: string };
      today = chinaDateOf(new Date(health.time));
      [admin, hospital] = await Promise.all([staffApi(baseUrl, 'admin'), staffApi(baseUrl, 'hospital')]);
      hospitalId = (await hospital.get<{ institutionId: number }>('/api/auth/me')).institutionId;
      // The hospital's patients, as its own account reads them: the demo's first claim is a stay of an
      // employee whose premiums are paid.
      const claims = await hospital.get<{ items: Claim[] }>(
        `/api/medical/claims?institutionId=${hospitalId}`,
      );
      const first = claims.items.at(-1);
      expect(first, 'a demo claim at the hospital').toBeDefined();
      const person = await admin.get<{ id: number; idNumber: string; name: string }>(
        `/api/persons/${first!.person.id}`,
      );
      patient = { id: person.id, idNumber: person.idNumber, name: person.name };
      // The patient gets a login of their own (a second run against the same server finds it made).
      const made = await admin.post('/api/users', {
        kind: 'person',
        personId: patient.id,
        password: DEMO_PASSWORD,
      });
      expect([201, 409]).toContain(made.status);
      // A resident who enrols today waits three months before the fund pays (docs/RULES.md 16.5).
      const idNumber = uniqueIdNumber();
      const registered = await admin.post('/api/persons', {
        idNumber,
        name: '柯居民',
        hukouRegionCode: '110105',
        hukouType: 'urban',
        category: 'resident',
        regionCode: '110000',
      });
      expect(registered.status).toBe(201);
      const residentId = ((await registered.json()) as { person: { id: number } }).person.id;
      const enrolled = await admin.post(`/api/persons/${residentId}/resident-enrolments`, {
        year: Number(today.slice(0, 4)),
        paidOn: today,
        amountFen: 40_000,
      });
      expect(enrolled.status).toBe(201);
      const enrolment = (await enrolled.json()) as { coveredFrom: string };
      expect(enrolment.coveredFrom > today).toBe(true);
      resident = { id: residentId, idNumber, coveredFrom: enrolment.coveredFrom };
    });
    afterAll(async () => {
      for (const session of sessions) await session.close();
    });

    it('lands the hospital’s counter account on its own pages and settles a claim as the server answers it', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'hospital');
      // Its own institution's pages only, none of the agency's; and e-card verification (e-cards.verify).
      const nav = page.getByRole('navigation', { name: '主导航' }).getByRole('link');
      // The staff's shell replaces the public one once the session is read: wait for it on a busy machine.
      await page.getByRole('heading', { level: 1, name: '北京演示第一人民医院' }).waitFor();
      await expect
        .poll(() => nav.allInnerTexts(), { timeout: 15_000 })
        .toEqual(['本机构', '医保结算', '结算记录', '月结算单', '社保卡']);
      const agreement = page.locator('.medical-agreement').first();
      await agreement.waitFor();
      expect(await agreement.locator('[data-status="active"]').first().innerText()).toBe('正常');
      expect(await agreement.innerText()).toContain('《中华人民共和国社会保险法》 第 31 条');
      expect(await page.locator('[data-settling="yes"]').innerText()).toBe('可以结算');
      await screenshot(page, 'medical-institution-home.zh-CN');

      await nav.filter({ hasText: '医保结算' }).click();
      const form = page.locator('form#medical-claim');
      await form.waitFor();
      await form.getByLabel('就诊人身份证号').fill(patient.idNumber);
      const first = form.locator('[data-item-row="0"]');
      await first.getByLabel('项目编码').fill('001101000010000');
      await first.getByLabel('项目名称').fill('门诊诊查费');
      await first.getByLabel('金额（元）').fill('50');
      await form.getByRole('button', { name: '添加一项费用' }).click();
      const second = form.locator('[data-item-row="1"]');
      await second.getByLabel('项目编码').fill('XJ01DDA117E001010100000');
      await second.getByLabel('项目名称').fill('头孢克肟胶囊');
      await choose(second.getByLabel('目录类别'), '乙类');
      await second.getByLabel('金额（元）').fill('2,000');
      await second.getByLabel('先行自付比例（%）').fill('10');
      const [reply] = await Promise.all([
        page.waitForResponse(
          (response) =>
            response.url().endsWith('/api/medical/claims') && response.request().method() === 'POST',
        ),
        form.getByRole('button', { name: '结算并计算基金支付' }).click(),
      ]);
      expect(reply.status()).toBe(201);
      expect(reply.request().headers()['idempotency-key']).toMatch(/^web-[0-9a-f]{32}$/);
      settled = (await reply.json()) as Claim;
      expect(settled).toMatchObject({ status: 'settled', totalFen: 205_000, partSelfPayFen: 20_000 });
      expect(settled.pooledFen + settled.accountFen + settled.cashFen).toBe(settled.totalFen);

      const result = page.locator('.medical-counter-result');
      await result.waitFor();
      expect(await result.getByRole('status').innerText()).toContain(`结算单号 ${settled.claimNo}`);
      const amounts = result.locator('.medical-amounts');
      for (const name of [
        'pooledFen',
        'accountFen',
        'cashFen',
        'totalFen',
        'notCoveredFen',
        'partSelfPayFen',
        'policyRangeFen',
        'deductibleFen',
        'coinsuranceFen',
        'overCapFen',
      ] as const)
        expect(await amount(amounts, name), name).toBe(settled[name]);
      // The year the claim leaves: each line's deductible and the fund's share, and the caps left.
      for (const line of LINES) {
        const row = result.locator(`.medical-year-after tr[data-line="${line}"]`);
        expect(await amount(row, 'deductibleUsedFen'), line).toBe(settled.year.deductibleUsedFen[line]);
        expect(await amount(row, 'pooledFen'), line).toBe(settled.year.pooledFen[line]);
      }
      expect(await amount(result, 'annualCapLeftFen')).toBe(settled.year.annualCapLeftFen);
      expect(await amount(result, 'lineCapLeftFen')).toBe(settled.year.lineCapLeftFen);
      // The explanation step by step, in Chinese, with the same numbers.
      const steps = await result.locator('.medical-steps').innerText();
      expect(steps).toContain(`医疗费用总额 ${formatFenAsYuan(settled.totalFen)} 元`);
      expect(steps).toContain(`乙类项目先行自付 ${formatFenAsYuan(settled.partSelfPayFen)} 元`);
      expect(steps).toContain(`统筹基金支付 ${formatFenAsYuan(settled.pooledFen)} 元`);
      expect(await result.locator('.medical-sources').innerText()).toContain('国发〔1998〕44号');
      await screenshot(page, 'medical-counter-result.zh-CN');
      // What the server keeps is what the page showed.
      const kept = await hospital.get<Claim>(`/api/medical/claims/${settled.claimNo}`);
      expect(kept).toMatchObject({
        pooledFen: settled.pooledFen,
        accountFen: settled.accountFen,
        cashFen: settled.cashFen,
      });

      // A resident in the waiting period is refused, with the reason in Chinese; nothing is settled.
      await form.getByLabel('就诊人身份证号').fill(resident.idNumber);
      await form.getByRole('button', { name: '结算并计算基金支付' }).click();
      const refusal = page.locator('.medical-refusal');
      await refusal.waitFor();
      expect(await refusal.innerText()).toContain('未能结算');
      expect(await refusal.innerText()).toContain('此人的待遇等待期尚未届满');
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'medical-counter-refused.phone.zh-CN');
    });

    it('lets the counter find the claim among its claims and cancel it, the account given back (in English)', async () => {
      expect(settled, 'the claim the counter settled').toBeDefined();
      const before = await admin.get<MedicalAccount>(`/api/persons/${patient.id}/medical-account`);
      const page = await browser('en-US');
      await signInAsStaff(page, baseUrl, 'hospital');
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Claims', exact: true })
        .click();
      const row = page.locator(`.medical-claims tr[data-claim-no="${settled!.claimNo}"]`);
      await row.waitFor();
      expect(await amount(row, 'pooledFen')).toBe(settled!.pooledFen);
      expect(await row.locator('[data-status]').innerText()).toBe('Settled');
      await screenshot(page, 'medical-claims.en');
      await row.getByRole('link', { name: settled!.claimNo }).click();
      await page.getByRole('heading', { level: 1, name: `Claim ${settled!.claimNo}` }).waitFor();
      const form = page.locator('form#cancel-claim');
      await form.getByLabel('Reason').fill('The patient returned the medicine');
      await form.getByRole('button', { name: 'Cancel this claim' }).click();
      await page.locator('.medical-facts [data-status="cancelled"]').waitFor();
      expect(await page.getByRole('status').first().innerText()).toContain(
        'The patient returned the medicine',
      );
      await form.waitFor({ state: 'detached' });
      await screenshot(page, 'medical-claim-cancelled.en');

      const cancelled = await hospital.get<Claim>(`/api/medical/claims/${settled!.claimNo}`);
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        cancellation: { cancelledOn: today, reason: 'The patient returned the medicine' },
      });
      const after = await admin.get<MedicalAccount>(`/api/persons/${patient.id}/medical-account`);
      expect(after.balanceFen - before.balanceFen).toBe(settled!.accountFen);
      expect(after.movements).toContainEqual(
        expect.objectContaining({
          kind: 'medical-refund',
          claimNo: settled!.claimNo,
          amountFen: settled!.accountFen,
        }),
      );
    });

    it('shows the patient their medical account and claims, in Chinese, on a phone and in English', async () => {
      const account = await admin.get<MedicalAccount>(`/api/persons/${patient.id}/medical-account`);
      const page = await browser('zh-CN');
      await signInAsPerson(page, baseUrl, patient.idNumber);
      await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: '医疗保险', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: '医疗保险' }).waitFor();
      const claims = page.locator('.medical-claims');
      await claims.locator('.ant-table-row').first().waitFor();
      expect(await amount(page.locator('.medical-account'), 'balanceFen')).toBe(account.balanceFen);
      for (const line of LINES) {
        const row = page.locator(`section[data-section="medical-year"] tr[data-line="${line}"]`);
        expect(await amount(row, 'deductibleUsedFen'), line).toBe(account.year.deductibleUsedFen[line]);
        expect(await amount(row, 'pooledFen'), line).toBe(account.year.pooledFen[line]);
      }
      // Each claim shown with what the fund, the account and the cash paid, and whether it stands.
      const rows = claims.locator('tr[data-claim-no]');
      expect(await rows.count()).toBe(Math.min(account.claims.length, 10));
      for (const claim of account.claims.slice(0, 10)) {
        const row = claims.locator(`tr[data-claim-no="${claim.claimNo}"]`);
        for (const name of ['totalFen', 'pooledFen', 'accountFen', 'cashFen'] as const)
          expect(await amount(row, name), `${claim.claimNo} ${name}`).toBe(claim[name]);
        expect(await row.locator('[data-status]').getAttribute('data-status')).toBe(claim.status);
      }
      // The claim the counter cancelled is shown so, and its refund is an entry of the account.
      const cancelledRow = claims.locator(`tr[data-claim-no="${settled!.claimNo}"]`);
      expect(await cancelledRow.locator('[data-status]').innerText()).toBe('已撤销');
      const refund = page.locator('.medical-movements tr[data-kind="medical-refund"]').first();
      expect(await refund.innerText()).toContain('撤销结算退回');
      expect(await refund.innerText()).toContain('北京演示第一人民医院');
      expect(await amount(refund, 'amountFen')).toBe(settled!.accountFen);
      // A stay the fund paid for, opened: its explanation step by step with its sources.
      const stay = account.claims.find((claim) => claim.kind === 'inpatient' && claim.status === 'settled')!;
      const stayRow = claims.locator(`tr[data-claim-no="${stay.claimNo}"]`);
      await stayRow
        .getByRole('button', { name: `展开 ${stay.visitDate} 在${stay.institution.name}的结算` })
        .click();
      const opened = claims.locator(`.medical-settlement[data-claim-no="${stay.claimNo}"]`);
      await opened.waitFor();
      expect(await amount(opened, 'pooledFen')).toBe(stay.pooledFen);
      expect(await amount(opened, 'deductibleFen')).toBe(stay.deductibleFen);
      const steps = await opened.locator('.medical-steps').innerText();
      expect(steps).toContain(`统筹基金支付 ${formatFenAsYuan(stay.pooledFen)} 元`);
      expect(steps).toMatch(/住院年度起付线（三级机构）/);
      expect(await opened.locator('.medical-sources').innerText()).toContain(
        '《中华人民共和国社会保险法》 第 28 条',
      );
      await screenshot(page, 'medical-account.zh-CN');
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'medical-account.phone.zh-CN');

      const english = await browser('en-US');
      await signInAsPerson(english, baseUrl, patient.idNumber);
      await english.goto(`${baseUrl}/person/medical`);
      await english.getByRole('heading', { level: 1, name: 'Medical insurance' }).waitFor();
      await english.locator('.medical-claims tr[data-claim-no]').first().waitFor();
      expect(await amount(english.locator('.medical-account'), 'balanceFen')).toBe(account.balanceFen);
      expect(
        await english
          .locator(`.medical-claims tr[data-claim-no="${settled!.claimNo}"] [data-status]`)
          .innerText(),
      ).toBe('Cancelled');
      await english
        .locator(`.medical-claims tr[data-claim-no="${stay.claimNo}"]`)
        .getByRole('button', { name: `Open the claim of ${stay.visitDate} at ${stay.institution.name}` })
        .click();
      const explained = english.locator(`.medical-settlement[data-claim-no="${stay.claimNo}"]`);
      await explained.getByRole('heading', { name: 'How it was worked out' }).waitFor();
      expect(await explained.locator('.medical-steps').innerText()).toContain(
        `the fund pays ${formatFenAsYuan(stay.pooledFen)}`,
      );
      await screenshot(english, 'medical-account.en');
    });

    it('lets a medical officer register an institution, sign its agreement, suspend it and restore it', async () => {
      const stamp = Date.now().toString().slice(-8);
      const code = `BT${stamp}`;
      const name = `浏览器测试社区卫生服务站${stamp}`;
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'medical');
      await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: '定点医药机构' })
        .click();
      const list = page.locator('.medical-institutions');
      const demoHospital = list.locator('tr[data-code="H11010500001"]');
      await demoHospital.waitFor();
      expect(await demoHospital.innerText()).toContain('三级医院');
      expect(await demoHospital.locator('[data-settling]').innerText()).toBe('可以结算');
      await screenshot(page, 'medical-institutions.zh-CN');

      const register = page.locator('form#register-institution');
      await register.getByLabel('机构编码').fill(code);
      await register.getByLabel('机构名称').fill(name);
      await pick(register, '基层医疗机构');
      await pick(register, '一级');
      await register.getByLabel('机构类型').fill('社区卫生服务站');
      await register.getByLabel('地址').fill('北京市朝阳区测试路8号');
      await register.getByRole('button', { name: '登记定点医药机构' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const institutionId = Number(/\/institutions\/(\d+)$/.exec(new URL(page.url()).pathname)![1]);
      expect(await page.locator('.medical-institution-facts').innerText()).toContain('一级基层医疗机构');
      expect(await page.locator('[data-settling]').innerText()).toBe('暂停结算');
      expect(await page.getByText('尚未签订服务协议，机构不能结算。').count()).toBe(1);

      // The agreement, from today, for every kind of claim.
      const sign = page.locator('form#sign-agreement');
      await sign.getByLabel('协议编号').fill(`BJYB-${code}`);
      await sign.getByRole('button', { name: '签订服务协议' }).click();
      const card = page.locator(`.medical-agreement[data-agreement-no="BJYB-${code}"]`);
      await card.waitFor();
      expect(await card.locator('[data-status]').first().innerText()).toBe('正常');
      await expect.poll(() => page.locator('[data-settling]').innerText()).toBe('可以结算');

      // Suspended for a month with the reason and its legal basis (MFR Art. 40).
      const until = addDays(today, 30);
      const standing = card.locator('form[id^="agreement-standing-"]');
      await pick(standing, '暂停结算');
      await pickDate(standing.getByLabel('暂停至（最后一天）'), until);
      await standing.getByLabel('原因').fill('超标准收费，暂停协议整改');
      await standing.getByLabel('依据').fill('《医疗保障基金使用监督管理条例》第四十条');
      await standing.getByRole('button', { name: '登记协议状态变更' }).click();
      await card.locator(`[data-status="suspended"]`).first().waitFor();
      expect(await card.locator('.ant-card-head [data-status]').innerText()).toBe(`暂停至 ${until}`);
      expect(await card.locator('[data-standing-reason]').innerText()).toContain('超标准收费，暂停协议整改');
      expect(await card.locator('.medical-history li').count()).toBe(2);
      await expect.poll(() => page.locator('[data-settling]').innerText()).toBe('暂停结算');
      let kept = await admin.get<Institution>(`/api/medical/institutions/${institutionId}`);
      expect(kept.settlingToday).toBe(false);
      expect(kept.agreements[0]).toMatchObject({
        status: 'suspended',
        statusFrom: today,
        statusUntil: until,
        statusReason: '超标准收费，暂停协议整改',
        statusSource: '《医疗保障基金使用监督管理条例》第四十条',
      });
      await screenshot(page, 'medical-agreement-suspended.zh-CN');

      // Restored after the corrections.
      await pick(standing, '恢复结算');
      await standing.getByLabel('原因').fill('整改完成，恢复结算');
      await standing.getByRole('button', { name: '登记协议状态变更' }).click();
      await card.locator('.ant-card-head [data-status="active"]').waitFor();
      expect(await card.locator('.medical-history li').count()).toBe(3);
      await expect.poll(() => page.locator('[data-settling]').innerText()).toBe('可以结算');
      kept = await admin.get<Institution>(`/api/medical/institutions/${institutionId}`);
      expect(kept).toMatchObject({ settlingToday: true });
      expect(kept.agreements[0]).toMatchObject({
        status: 'active',
        statusUntil: null,
        statusReason: '整改完成，恢复结算',
      });
      expect(kept.agreements[0]!.history.map((event) => event.status)).toEqual([
        'active',
        'suspended',
        'active',
      ]);
      await page.setViewportSize({ width: 390, height: 844 });
      // An empty table takes the new width once its resize observer has run.
      await expect.poll(() => fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'medical-agreement-restored.phone.zh-CN');

      // The list shows it among the region's institutions, settling again.
      await page.getByRole('link', { name: '← 返回定点医药机构列表' }).click();
      const listed = page.locator(`.medical-institutions tr[data-code="${code}"]`);
      // (what the list showed before is refreshed as it opens)
      await expect.poll(() => listed.locator('[data-settling]').innerText()).toBe('可以结算');
    });

    it('shows staff a person’s medical account from the person’s page, and a resident’s waiting period', async () => {
      const account = await admin.get<MedicalAccount>(`/api/persons/${patient.id}/medical-account`);
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'medical');
      await page.goto(`${baseUrl}/staff/persons/${patient.id}`);
      await page.getByRole('link', { name: '医保个人账户、结算记录与居民医保参保 →' }).click();
      await page.getByRole('heading', { level: 1, name: `${patient.name}的医疗保险` }).waitFor();
      await page.locator('.medical-claims tr[data-claim-no]').first().waitFor();
      expect(await amount(page.locator('.medical-account'), 'balanceFen')).toBe(account.balanceFen);
      expect(await page.locator('.medical-claims tr[data-claim-no]').count()).toBe(
        Math.min(account.claims.length, 10),
      );

      await page.goto(`${baseUrl}/staff/persons/${resident.id}/medical`);
      const enrolment = page.locator('.medical-enrolments .ant-table-row').first();
      await enrolment.waitFor();
      expect(await enrolment.locator('[data-covered-from]').innerText()).toBe(resident.coveredFrom);
      expect(await amount(enrolment, 'amountFen')).toBe(40_000);
      expect(await enrolment.innerText()).toContain(`固定等待期 3 个月`);
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'medical-resident-enrolment.phone.zh-CN');
    });
  },
);
