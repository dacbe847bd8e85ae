// The payroll pages, and work injury and maternity through the pages (docs/RULES.md 14.14-14.16,
// 15.14-15.20): the employer files, staff identify and appraise, the person claims, two officers award,
// the payroll pays, the person sees it; then the payroll pages themselves. One file, because both pay the
// month after today and a month is paid once: the order of the suites in a file is fixed, that of files is not.
import { addDays, chinaDateOf } from '@shebao/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatYuan } from '../../src/shell/format.ts';
import { adminCookie, DEMO_PASSWORD } from './demo-data.ts';
import { choose } from './ant-select.ts';
import { pickDate } from './date-picker.ts';
import { fitsTheWidth, screenshot, startBrowser, testServers, type BrowserSession } from './harness.ts';
import { signInAsEmployer, signInAsPerson, signInAsStaff } from './sign-in-helpers.ts';

const environment = inject('browserTests');
// One database is enough for pages whose server side is tested on both (keeps CI time down).
const allServers = testServers(environment);
const servers = allServers.filter((server) => server.database === 'sqlite');

/** The month after a day's month (YYYY-MM-DD → YYYY-MM): the payroll may pay one month ahead. */
function nextMonthOf(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

interface Assessment {
  eligible: boolean;
  monthlyFen?: number;
  validFrom?: string;
  oneTimePayments?: { kind: string; amountFen: number }[];
}

interface Listed {
  id: number;
  applicationNo: string;
  kind: string;
  state: string;
}

async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.locator('.benefit-loading').first().waitFor({ state: 'detached' });
}

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'work injury and maternity from filing to payment, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    // The server's day in China: SHEBAO_TODAY (environment.today) with the clock running on, so late in
    // the UTC day it is already the next day there; the pages and the server's checks count with it.
    let today = environment.today;
    let payMonth = nextMonthOf(today);
    const sessions: BrowserSession[] = [];
    const browser = async (locale: 'zh-CN' | 'en-US') => {
      const session = await startBrowser(environment.chromiumPath!, locale);
      sessions.push(session);
      return session.context.newPage();
    };
    const read = async <T>(path: string): Promise<T> => {
      const response = await fetch(`${baseUrl}${path}`, {
        headers: { cookie: await adminCookie(baseUrl), accept: 'application/json' },
      });
      expect(response.status, path).toBe(200);
      return (await response.json()) as T;
    };
    /** 白桂子, the demo employer's employee who can log in: a woman, so both stories can be hers. */
    const employee = { id: 2, name: '白桂子', idNumber: '', masked: '110102********0028' };
    let accidentOn = addDays(today, -3);
    let birthOn = addDays(today, -10);
    let injury: Listed;
    let maternity: Listed;
    let claim: Listed;
    const applicationsOf = async () =>
      (await read<{ items: Listed[] }>(`/api/persons/${employee.id}/applications`)).items;

    beforeAll(async () => {
      const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { time: string };
      today = chinaDateOf(new Date(health.time));
      payMonth = nextMonthOf(today);
      accidentOn = addDays(today, -3);
      birthOn = addDays(today, -10);
      const person = await read<{ idNumber: string; name: string; sex: string }>(
        `/api/persons/${employee.id}`,
      );
      expect(person.name).toBe(employee.name);
      expect(person.sex).toBe('female');
      employee.idNumber = person.idNumber;
      // A month is paid once: this story needs the next month unpaid (the demo pays up to this month).
      const runs = await read<{ items: { period: string; status: string }[] }>(
        '/api/payroll/runs?regionCode=110000&limit=10',
      );
      expect(
        runs.items.filter((run) => run.period === payMonth),
        `the payroll of ${payMonth} must not have run before this file`,
      ).toEqual([]);
    });
    afterAll(async () => {
      for (const session of sessions) await session.close();
    });

    it('lets the employer file a work injury within its 30 days and a birth, in Chinese, in English and on a phone', async () => {
      const page = await browser('zh-CN');
      await signInAsEmployer(page, baseUrl);
      await page.getByRole('navigation').getByRole('link', { name: '工伤和生育', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '工伤和生育' }).waitFor();

      const form = page.locator('.claim-filing[data-kind="work-injury"]');
      await choose(form.getByLabel('职工'), employee.name);
      // An accident 40 days ago: the employer's 30 days have passed and it bears the late period.
      await pickDate(form.getByLabel('发生日期'), addDays(today, -40));
      const late = form.locator('.injury-deadline[data-deadline="passed"]');
      await late.waitFor();
      expect(await late.innerText()).toContain('由单位负担');
      expect(await late.innerText()).toContain('《工伤保险条例》第十七条');
      await pickDate(form.getByLabel('发生日期'), accidentOn);
      const deadline = form.locator('.injury-deadline[data-deadline="running"]');
      await deadline.waitFor();
      // WIIR Art. 17: 30 days from the accident; three of them are gone.
      expect(await deadline.innerText()).toContain(`截止日期 ${addDays(accidentOn, 30)}，还剩 27 天`);
      await form.getByLabel('事故经过').fill('在车间搬运货物时被叉车撞伤左腿。');
      await form.getByLabel('账号').fill('12');
      await form.getByRole('button', { name: '提交申请' }).click();
      await expect.poll(() => form.innerText()).toContain('请填写 12 至 30 位数字的账号');
      await form.getByLabel('账号').fill('6217000010002345678');
      await form.getByRole('button', { name: '提交申请' }).click();
      const filed = form.getByRole('status').filter({ hasText: '申请已提交' });
      await filed.waitFor();
      const injuryNo = /编号 (AP\d+)/.exec(await filed.innerText())![1]!;

      const birth = page.locator('.claim-filing[data-kind="maternity"]');
      await choose(birth.getByLabel('职工'), employee.name);
      await pickDate(birth.getByLabel('发生日期'), birthOn);
      await birth.getByLabel(/生育医疗费用/).fill('5000');
      await birth.getByLabel('账号').fill('6217000010002345678');
      await birth.getByRole('button', { name: '提交申请' }).click();
      const born = birth.getByRole('status').filter({ hasText: '申请已提交' });
      await born.waitFor();
      const maternityNo = /编号 (AP\d+)/.exec(await born.innerText())![1]!;

      // The list: names, masked identity numbers, states and clocks.
      const list = page.locator('.employer-filed-applications');
      const row = list.getByRole('row').filter({ hasText: injuryNo });
      await row.waitFor();
      const rowText = await row.innerText();
      expect(rowText).toContain(employee.name);
      expect(rowText).toContain(employee.masked);
      expect(rowText).not.toContain(employee.idNumber);
      expect(rowText).toContain('工伤认定');
      expect(rowText).toContain('审核中');
      expect(rowText).toMatch(/剩余 60 天/);
      expect(await list.getByRole('row').filter({ hasText: maternityNo }).innerText()).toContain(
        '生育保险待遇',
      );
      await screenshot(page, 'claims-employer.zh-CN');

      await page.setViewportSize({ width: 390, height: 844 });
      await settled(page);
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'claims-employer.phone.zh-CN');

      const english = await browser('en-US');
      await signInAsEmployer(english, baseUrl);
      await english.goto(`${baseUrl}/employer/claims`);
      await english.getByRole('heading', { level: 1, name: 'Injuries and maternity' }).waitFor();
      const englishRow = english.getByRole('row').filter({ hasText: injuryNo });
      await englishRow.waitFor();
      expect(await englishRow.innerText()).toContain('Work injury identification');
      await pickDate(
        english.locator('.claim-filing[data-kind="work-injury"]').getByLabel('Date'),
        accidentOn,
      );
      expect(await english.locator('.injury-deadline').innerText()).toContain('27 days left');
      await screenshot(english, 'claims-employer.en');

      const listed = await applicationsOf();
      injury = listed.find((item) => item.applicationNo === injuryNo)!;
      maternity = listed.find((item) => item.applicationNo === maternityNo)!;
      expect(injury.kind).toBe('work-injury');
      expect(maternity.kind).toBe('maternity');
    });

    it('lets an officer mark the case clear, identify the injury and record its appraisal', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.getByRole('navigation').getByRole('link', { name: '待遇申请', exact: true }).click();
      const queued = page.getByRole('row').filter({ hasText: injury.applicationNo });
      await queued.waitFor();
      expect(await queued.innerText()).toContain('工伤认定');
      await queued.getByRole('link', { name: injury.applicationNo }).click();
      await page.getByRole('heading', { level: 1, name: `待遇申请 ${injury.applicationNo}` }).waitFor();
      const state = () => page.locator('.benefit-page[data-state]').getAttribute('data-state');
      const facts = await page.getByRole('region', { name: '申请内容' }).innerText();
      expect(facts).toContain('事故伤害');
      expect(facts).toContain(accidentOn);

      await page.getByRole('button', { name: '标记为事实清楚' }).click();
      await expect.poll(() => page.getByRole('region', { name: '办理时限' }).innerText()).toContain('15 天');
      // The refusal offers the exclusions of WIIR Art. 16 with their articles.
      await choose(page.getByLabel('不得认定为工伤的情形'), '醉酒或者吸毒');
      await expect
        .poll(() => page.locator('#injury-refusal').getByLabel('法律依据').first().inputValue())
        .toBe('WIIR Art. 16(2); SIL Art. 37(2)');

      await page.locator('#identification').getByRole('button', { name: '认定为工伤' }).click();
      await expect.poll(state).toBe('decided');
      const decision = page.getByRole('region', { name: '决定' });
      await expect.poll(() => decision.innerText()).toContain('认定为工伤');
      expect(await decision.innerText()).toContain('《工伤保险条例》');

      const appraisal = page.locator('#appraisal');
      await appraisal.waitFor();
      await choose(appraisal.getByLabel('伤残等级'), '3 级');
      await choose(appraisal.getByLabel('生活自理障碍'), '生活部分不能自理');
      await pickDate(appraisal.getByLabel('申请日期'), today);
      await pickDate(appraisal.getByLabel('结论日期'), today);
      await appraisal.getByLabel('鉴定文号').fill('京劳鉴〔2026〕123号');
      await appraisal.getByRole('button', { name: '记录鉴定结论' }).click();
      const recorded = page.locator('.claim-appraisals').getByRole('row').filter({ hasText: '京劳鉴' });
      await recorded.waitFor();
      const recordedText = await recorded.innerText();
      expect(recordedText).toContain('初次鉴定');
      expect(recordedText).toContain('3 级');
      expect(recordedText).toContain('生活部分不能自理');
      // Re-appraisal within 15 days of the conclusion (WIIR Art. 26), a review a year on (Art. 28).
      expect(recordedText).toContain(addDays(today, 15));
      expect(recordedText).toContain(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`);
      await screenshot(page, 'claims-staff-identified.zh-CN');
    });

    it('lets the injured person claim the benefits of the identified injury, in Chinese, in English and on a phone', async () => {
      const page = await browser('zh-CN');
      await signInAsPerson(page, baseUrl, employee.idNumber);
      await page
        .getByRole('navigation')
        .getByRole('link', { name: '申请工伤、失业、生育待遇', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: '申请工伤、失业、生育待遇' }).waitFor();
      // On a phone, as most people apply.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('radio', { name: '工伤保险待遇' }).check();
      const form = page.locator('#apply-injury-benefits');
      await form.waitFor();
      await choose(form.getByLabel('已认定的工伤'), injury.applicationNo);
      await form.getByLabel('账号').fill('6217000010002345678');
      await screenshot(page, 'claims-person-apply.phone.zh-CN');
      expect(await fitsTheWidth(page)).toBe(true);
      await form.getByRole('button', { name: '提交申请' }).click();
      await page.getByRole('status').filter({ hasText: '申请已提交' }).waitFor();
      claim = (await applicationsOf()).find((item) => item.kind === 'injury-benefits')!;
      expect(claim).toBeDefined();

      // My applications: the claim with its clock and the assessment explained.
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${baseUrl}/person/applications`);
      const card = page.getByRole('article').filter({ hasText: claim.applicationNo });
      await card.waitFor();
      await expect.poll(() => card.innerText()).toContain('一次性伤残补助金');
      const text = await card.innerText();
      expect(text).toContain('工伤保险待遇');
      expect(text).toMatch(/剩余 \d+ 个工作日/);
      expect(text).toContain('工伤保险基金');
      expect(text).toContain('本人工资');
      await screenshot(page, 'claims-person-applications.zh-CN');
      // The identification: the appraisal with its windows, and a re-appraisal asked for within 15 days.
      const identified = page.getByRole('article').filter({ hasText: injury.applicationNo });
      const appraised = identified.locator('.claim-appraisals').getByRole('row').filter({ hasText: '3 级' });
      await appraised.waitFor();
      expect(await appraised.innerText()).toContain(addDays(today, 15));
      expect(await identified.innerText()).toContain('停工留薪期');
      const reappraisal = identified.locator('form#reappraisal-request');
      await reappraisal.getByLabel('申请再次鉴定的理由').fill('右腿仍不能负重，伤残等级偏低。');
      await reappraisal.getByRole('button', { name: '申请再次鉴定' }).click();
      await reappraisal.getByRole('status').filter({ hasText: '已提出再次鉴定申请' }).waitFor();
      await expect.poll(() => identified.innerText()).toContain('申请再次鉴定');

      const english = await browser('en-US');
      await signInAsPerson(english, baseUrl, employee.idNumber);
      await english.goto(`${baseUrl}/person/apply-benefits?kind=maternity`);
      await english.getByRole('heading', { level: 1, name: /Apply for work injury/ }).waitFor();
      await english.locator('#apply-maternity').getByLabel('Date').waitFor();
      await screenshot(english, 'claims-person-apply.en');
    });

    it('awards the injury benefits and the maternity benefits: proposed by one officer, approved by another', async () => {
      const proposer = await browser('zh-CN');
      await signInAsStaff(proposer, baseUrl, 'benefits');
      const approver = await browser('zh-CN');
      await signInAsStaff(approver, baseUrl, 'benefits2');
      for (const application of [claim, maternity]) {
        const assessment = await read<Assessment>(`/api/applications/${application.id}/claim-assessment`);
        expect(assessment.eligible).toBe(true);
        await proposer.goto(`${baseUrl}/staff/applications/${application.id}`);
        await proposer
          .getByRole('heading', { level: 1, name: `待遇申请 ${application.applicationNo}` })
          .waitFor();
        const view = proposer.locator('.claim-assessment[data-eligible="true"]');
        await view.waitFor();
        const text = await view.innerText();
        for (const payment of assessment.oneTimePayments ?? [])
          expect(text).toContain(formatYuan(payment.amountFen));
        if (application.kind === 'injury-benefits') {
          expect(text).toContain('工伤保险基金');
          expect(text).toContain(formatYuan(assessment.monthlyFen!));
          expect(text).toContain('一次性伤残补助金');
          expect(text).toContain('伤残津贴');
          expect(text).toContain('《工伤保险条例》');
        } else {
          expect(text).toContain('医疗保险基金（含生育保险）');
          expect(text).toContain('生育津贴');
          expect(text).toContain('产假天数');
          expect(text).toContain('用人单位上年度职工月平均工资');
        }
        await screenshot(proposer, `claims-staff-assessment-${application.kind}.zh-CN`);
        await proposer.getByRole('button', { name: '按核算结果提出核定意见' }).click();
        await expect
          .poll(() => proposer.locator('.benefit-page[data-state]').getAttribute('data-state'))
          .toBe('proposed');

        await approver.goto(`${baseUrl}/staff/applications/${application.id}`);
        await approver
          .getByRole('heading', { level: 1, name: `待遇申请 ${application.applicationNo}` })
          .waitFor();
        await approver.getByRole('button', { name: /^通\s?过$/ }).click();
        await expect
          .poll(() => approver.locator('.benefit-page[data-state]').getAttribute('data-state'))
          .toBe('decided');
        expect(await approver.getByRole('region', { name: '决定' }).innerText()).toContain('核准');
      }
      await screenshot(approver, 'claims-staff-approved.zh-CN');
    });

    it('pays the one-time subsidy, the first monthly allowance and the maternity benefits, shown on the person’s payments page', async () => {
      const injuryAssessment = await read<Assessment>(`/api/applications/${claim.id}/claim-assessment`);
      const maternityAssessment = await read<Assessment>(
        `/api/applications/${maternity.id}/claim-assessment`,
      );
      // The allowance runs from the month after the appraisal's conclusion (docs/RULES.md 15.17).
      expect(injuryAssessment.validFrom).toBe(payMonth);

      const staff = await browser('zh-CN');
      await signInAsStaff(staff, baseUrl, 'benefits');
      await staff.goto(`${baseUrl}/staff/payroll`);
      await staff.getByRole('heading', { level: 1, name: '月度待遇发放' }).waitFor();
      await staff.getByLabel('发放月份').fill(payMonth);
      await staff.getByRole('button', { name: '开始发放' }).click();
      const run = staff.locator('.payroll-run[data-status="done"]');
      await run.waitFor({ timeout: 30_000 });
      // Each fund pays from its own bank files (docs/RULES.md 15.20).
      const funds = await run
        .locator('[data-fund]')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-fund')));
      expect(funds).toEqual(expect.arrayContaining(['pension', 'medical', 'work_injury']));
      expect(await run.innerText()).toContain('工伤保险基金');
      await screenshot(staff, 'claims-payroll.zh-CN');

      const page = await browser('zh-CN');
      await signInAsPerson(page, baseUrl, employee.idNumber);
      await page
        .getByRole('navigation')
        .getByRole('link', { name: '工伤、失业、生育待遇', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: '工伤、失业、生育待遇' }).waitFor();
      const award = page.locator('[data-award-kind="injury-benefits"]');
      await award.waitFor();
      expect(await award.innerText()).toContain('本人工资');
      const payments = page.getByRole('region', { name: '发放记录' });
      await payments.waitFor();
      await expect.poll(() => payments.innerText()).toContain(formatYuan(injuryAssessment.monthlyFen!));
      const text = await payments.innerText();
      expect(text).toContain('工伤保险待遇');
      for (const payment of [
        ...(injuryAssessment.oneTimePayments ?? []),
        ...(maternityAssessment.oneTimePayments ?? []),
      ])
        expect(text).toContain(formatYuan(payment.amountFen));
      expect(text).toContain('一次性伤残补助金');
      expect(text).toContain('生育津贴');
      expect(text).toContain('已支付');
      await screenshot(page, 'claims-person-payments.zh-CN');
      await page.setViewportSize({ width: 390, height: 844 });
      await settled(page);
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'claims-person-payments.phone.zh-CN');

      const english = await browser('en-US');
      await signInAsPerson(english, baseUrl, employee.idNumber);
      await english.goto(`${baseUrl}/person/benefits`);
      const englishPayments = english.getByRole('region', { name: 'Payments' });
      await englishPayments.waitFor();
      await expect.poll(() => englishPayments.innerText()).toContain('Maternity allowance');
      expect(await english.locator('main').innerText()).toContain(
        'Work-Related Injury Insurance Regulations',
      );
      await screenshot(english, 'claims-person-payments.en');
    });
  },
);

interface Payments {
  awards: { status: string; lines: { state: string }[] }[];
}

describe.skipIf(environment.skipped !== undefined).each(allServers)(
  'the payroll pages, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    const sessions: BrowserSession[] = [];
    const browser = async (locale: 'zh-CN' | 'en-US') => {
      const session = await startBrowser(environment.chromiumPath!, locale);
      sessions.push(session);
      return session.context.newPage();
    };
    /** A demo pensioner who can log in, and one whose months are withheld. */
    let pensioner: { id: number; idNumber: string };
    let withheld: { id: number; name: string };

    beforeAll(async () => {
      const cookie = await adminCookie(baseUrl);
      const read = async <T>(path: string): Promise<T> => {
        const response = await fetch(`${baseUrl}${path}`, {
          headers: { cookie, accept: 'application/json' },
        });
        expect(response.status, path).toBe(200);
        return (await response.json()) as T;
      };
      const decided = await read<{ items: { kind: string; personId: number }[] }>(
        '/api/applications?regionCode=110000&state=decided&limit=50',
      );
      for (const claim of decided.items.filter((item) => item.kind === 'pension')) {
        const person = await read<{ idNumber: string; name: string }>(`/api/persons/${claim.personId}`);
        const payments = await read<Payments>(`/api/persons/${claim.personId}/pension-payments`);
        if (payments.awards[0]?.status === 'withheld') withheld = { id: claim.personId, name: person.name };
        const login = await fetch(`${baseUrl}/api/auth/login/person`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ idNumber: person.idNumber, password: DEMO_PASSWORD }),
        });
        if (login.status === 200) pensioner = { id: claim.personId, idNumber: person.idNumber };
      }
      expect(pensioner, 'a demo pensioner can log in').toBeDefined();
      expect(withheld, 'a demo pensioner is withheld for a missed verification').toBeDefined();
    });
    afterAll(async () => {
      for (const session of sessions) await session.close();
    });

    it('lets a benefits officer pay the next month and see its bank files, in Chinese and on a phone', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.getByRole('navigation').getByRole('link', { name: '待遇发放', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '月度待遇发放' }).waitFor();
      // The demo paid the last six months already.
      await page.getByRole('row').filter({ hasText: '已完成' }).first().waitFor();
      await page.getByLabel('发放月份').fill(nextMonthOf(environment.today));
      await page.getByRole('button', { name: '开始发放' }).click();
      const run = page.locator('.payroll-run[data-status="done"]');
      await run.waitFor({ timeout: 30_000 });
      const text = await run.innerText();
      expect(text).toContain('银行代发文件');
      expect(text).toMatch(/ICBC|ABC|BOC|CCB|OTHER/);
      expect(await run.getByRole('button', { name: '导入回盘文件' }).count()).toBeGreaterThan(0);
      await screenshot(page, 'payroll-staff.zh-CN');

      await page.setViewportSize({ width: 390, height: 844 });
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'payroll-staff.phone.zh-CN');

      const english = await browser('en-US');
      await signInAsStaff(english, baseUrl, 'benefits');
      await english.goto(`${baseUrl}/staff/payroll`);
      await english.getByRole('heading', { level: 1, name: 'Monthly payroll' }).waitFor();
      await english.getByRole('row').filter({ hasText: 'Done' }).first().waitFor();
      await screenshot(english, 'payroll-staff.en');
    });

    it('shows a pensioner the months paid and the next payment, in Chinese, in English and on a phone', async () => {
      const page = await browser('zh-CN');
      await signInAsPerson(page, baseUrl, pensioner.idNumber);
      await page.goto(`${baseUrl}/person/pension`);
      const payments = page.getByRole('region', { name: '发放记录' });
      await payments.waitFor();
      await expect.poll(() => payments.innerText()).toContain('已支付');
      const text = await payments.innerText();
      expect(text).toContain('正常发放');
      expect(text).toContain('下次发放');
      expect(text).toContain('统筹基金');
      expect(text).toContain('个人账户');
      await screenshot(page, 'payroll-person.zh-CN');
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'payroll-person.phone.zh-CN');

      const english = await browser('en-US');
      await signInAsPerson(english, baseUrl, pensioner.idNumber);
      await english.goto(`${baseUrl}/person/pension`);
      const englishPayments = english.getByRole('region', { name: 'Payments' });
      await englishPayments.waitFor();
      await expect.poll(() => englishPayments.innerText()).toContain('Paid');
      expect(await englishPayments.innerText()).toContain('Next payment');
      await screenshot(english, 'payroll-person.en');
    });

    it('shows staff a pensioner whose months are withheld for a missed verification', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.goto(`${baseUrl}/staff/persons/${withheld.id}`);
      const payments = page.getByRole('region', { name: '发放记录' });
      await payments.waitFor();
      await expect.poll(() => payments.innerText()).toContain('暂停发放（待资格认证）');
      expect(await payments.innerText()).toContain('暂停');
      await screenshot(page, 'payroll-staff-withheld.zh-CN');
    });
  },
);
