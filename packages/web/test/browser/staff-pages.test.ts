import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatPeriod } from '../../src/shell/format.ts';
import { screenshot, startBrowser, testServers, type BrowserSession } from './harness.ts';

const environment = inject('browserTests');
const servers = testServers(environment);

// The demo region's accounts (packages/server/src/demo), all with the demo password.
const DEMO_PASSWORD = 'shebao-demo-2025';
// Demo data is for Beijing; the servers' today (SHEBAO_TODAY) is in the month the run assesses.
const REGION = '110000';
const CURRENT_MONTH = environment.today.slice(0, 7);

async function signIn(page: Page, baseUrl: string, userName: string, heading: RegExp): Promise<void> {
  await page.goto(`${baseUrl}/login/staff?next=${encodeURIComponent('/staff')}`);
  await page.locator('#login-staff_userName').fill(userName);
  await page.locator('#login-staff_password').fill(DEMO_PASSWORD);
  await page.locator('#login-staff_password').press('Enter');
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Follows an entry of the main navigation. */
async function openFromNav(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
}

/** A person of the demo region, read over the API with the page's own session. */
async function somePerson(page: Page, baseUrl: string): Promise<{ id: number; name: string }> {
  const response = await page.request.get(`${baseUrl}/api/persons?regionCode=${REGION}&limit=5`);
  expect(response.ok()).toBe(true);
  const { items } = (await response.json()) as { items: { id: number; name: string }[] };
  return items.at(-1)!;
}

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'the agency staff’s pages, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    let browser: BrowserSession;
    beforeAll(async () => {
      browser = await startBrowser(environment.chromiumPath!, 'zh-CN');
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('finds a person and an employer, with identity numbers masked in the list', async () => {
      const page = await browser.context.newPage();
      await signIn(page, baseUrl, 'admin', /欢迎/);
      const person = await somePerson(page, baseUrl);

      await openFromNav(page, '查询');
      await page.getByRole('heading', { level: 1, name: '单位与人员查询' }).waitFor();
      await page.getByText('参保人员', { exact: true }).click();
      // The surname: names match from their first character.
      await page.getByLabel('身份证号或姓名').fill(person.name.slice(0, 1));
      await page.getByLabel('身份证号或姓名').press('Enter');
      const row = page.getByRole('row', { name: new RegExp(person.name) }).first();
      await row.waitFor();
      expect(await row.innerText()).toMatch(/\d{6}\*+\d{3}[\dX]/);
      await screenshot(page, 'staff-search.zh-CN');
      await row.getByRole('link', { name: person.name }).click();
      await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
      await page.getByRole('heading', { level: 2, name: '权益记录摘要' }).waitFor();
      await expect.poll(() => page.locator('main').innerText()).toContain('累计缴费月数');
      await screenshot(page, 'staff-person.zh-CN');

      await page.goto(`${baseUrl}/staff/search`);
      await page.getByLabel('信用代码或单位名称').fill('北京云帆');
      await page.getByLabel('信用代码或单位名称').press('Enter');
      await page.getByRole('link', { name: '北京云帆软件有限公司' }).click();
      await page.getByRole('heading', { level: 1, name: '北京云帆软件有限公司' }).waitFor();
      const staffTable = page.getByRole('region', { name: '在册职工' });
      await expect.poll(() => staffTable.getByRole('row').count()).toBeGreaterThan(5);
      expect(await staffTable.innerText()).toMatch(/\*{4}/);
      await expect
        .poll(() => page.getByRole('region', { name: '缴费核定单' }).getByRole('row').count())
        .toBeGreaterThan(5);
      await screenshot(page, 'staff-employer.zh-CN');
      await page.close();
    });

    it('proposes a policy version as one administrator and approves it as a second', async () => {
      const source = `浏览器测试〔${Date.now()}〕号`;
      const page = await browser.context.newPage();
      await signIn(page, baseUrl, 'admin', /欢迎/);
      await openFromNav(page, '政策参数');
      await page.getByRole('heading', { level: 1, name: '政策参数' }).waitFor();
      await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(5);

      await page.locator('#propose-version_name').fill('base.averageWage');
      await page.locator('#propose-version_name').press('Enter');
      await page.locator('#propose-version_validFrom').fill('2030-01');
      await page.locator('#propose-version_value').fill('12.3456');
      await page.getByRole('button', { name: '提交审批' }).click();
      // Yuan have two decimals at most, and the source document is required: both said at the field.
      await expect.poll(() => page.locator('main').innerText()).toContain('取值不符合该参数的格式');
      await expect.poll(() => page.locator('main').innerText()).toContain('请填写文件依据');
      await page.locator('#propose-version_value').fill('15000.50');
      await page.locator('#propose-version_source').fill(source);
      await page.getByRole('button', { name: '提交审批' }).click();
      await expect
        .poll(() => page.getByRole('status').allInnerTexts())
        .toContainEqual(expect.stringMatching(/已提交，审批编号 \d+/));
      await screenshot(page, 'staff-policy.zh-CN');

      // The proposer sees it pending, without the buttons to decide it.
      await openFromNav(page, '待审批');
      const mine = page.getByRole('article').filter({ hasText: source });
      await mine.waitFor();
      await expect.poll(() => mine.innerText()).toContain('这是您的提议');
      expect(await mine.getByRole('button', { name: /^通\s?过$/ }).count()).toBe(0);
      await page.getByRole('button', { name: /退出登录/ }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/');

      await signIn(page, baseUrl, 'admin2', /欢迎/);
      await openFromNav(page, '待审批');
      const theirs = page.getByRole('article').filter({ hasText: source });
      await theirs.waitFor();
      await expect.poll(() => theirs.innerText()).toContain('¥15,000.50');
      await expect.poll(() => theirs.innerText()).toContain('系统管理员');
      await screenshot(page, 'staff-approvals.zh-CN');
      await theirs.getByLabel('审批意见（可不填）').fill('已核对文件');
      await theirs.getByRole('button', { name: /^通\s?过$/ }).click();
      await expect.poll(() => theirs.count()).toBe(0);
      await page.getByText('已通过', { exact: true }).click();
      const approved = page.getByRole('article').filter({ hasText: source });
      await approved.waitFor();
      await expect.poll(() => approved.innerText()).toContain('已核对文件');

      // The new version is in force from 2030 on the policy page.
      await openFromNav(page, '政策参数');
      await page.getByRole('heading', { level: 1, name: '政策参数' }).waitFor();
      const version = page
        .getByRole('region', { name: '参数版本' })
        .getByRole('row')
        .filter({ hasText: source });
      await version.waitFor();
      expect(await version.innerText()).toContain('¥15,000.50');
      expect(await version.innerText()).toContain('2030年1月');
      await page.close();
    });

    it('runs the current month with its progress shown until done, then verifies the ledger', async () => {
      const page = await browser.context.newPage();
      await signIn(page, baseUrl, 'collector', /欢迎/);
      await openFromNav(page, '月度核定');
      await page.getByRole('heading', { level: 1, name: '月度核定' }).waitFor();
      expect(await page.getByLabel('所属期').inputValue()).toBe(CURRENT_MONTH);
      await page.getByRole('button', { name: '开始核定' }).click();
      const job = page.locator('.job-progress');
      await job.waitFor();
      expect(await job.getByRole('progressbar').count()).toBe(1);
      expect(await job.innerText()).toContain(`：110000 ${formatPeriod(CURRENT_MONTH, 'zh-CN')}`);
      await expect.poll(() => job.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
      expect(await job.innerText()).toContain('核定完成');
      await expect
        .poll(() => page.getByRole('region', { name: '最近的任务' }).innerText())
        .toContain('已完成');
      await screenshot(page, 'staff-runs.zh-CN');

      await openFromNav(page, '账务核验');
      await page.getByRole('button', { name: '开始核验' }).click();
      const verdict = page.locator('[data-state="ok"], [data-state="discrepancies"]');
      await verdict.waitFor({ timeout: 60_000 });
      expect(await verdict.getAttribute('data-state')).toBe('ok');
      expect(await page.getByRole('region', { name: '个人账户与控制户' }).innerText()).toContain(
        '养老保险基金',
      );
      expect(await page.getByRole('region', { name: '检查项目' }).innerText()).toContain(
        '养老保险基金：个人账户明细与控制户相符',
      );
      await screenshot(page, 'staff-ledger.zh-CN');
      await page.close();
    });

    it('shows the same pages in English', async () => {
      const english = await startBrowser(environment.chromiumPath!, 'en');
      try {
        const page = await english.context.newPage();
        await signIn(page, baseUrl, 'admin', /Welcome/);
        const person = await somePerson(page, baseUrl);
        await page.goto(`${baseUrl}/staff/search?kind=persons&q=${encodeURIComponent(person.name)}`);
        await page.getByRole('link', { name: person.name }).first().waitFor();
        await screenshot(page, 'staff-search.en');
        await page.goto(`${baseUrl}/staff/persons/${person.id}`);
        await page.getByRole('heading', { level: 2, name: 'Rights record summary' }).waitFor();
        await screenshot(page, 'staff-person.en');
        await page.goto(`${baseUrl}/staff/policy`);
        await page.getByRole('heading', { level: 2, name: /Propose a new version/ }).waitFor();
        await screenshot(page, 'staff-policy.en');
        await page.goto(`${baseUrl}/staff/approvals`);
        await page.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor();
        await screenshot(page, 'staff-approvals.en');
        await page.goto(`${baseUrl}/staff/runs`);
        await page.getByRole('heading', { level: 2, name: 'Recent jobs' }).waitFor();
        await screenshot(page, 'staff-runs.en');
        await page.goto(`${baseUrl}/staff/ledger`);
        await page.getByRole('button', { name: 'Verify now' }).click();
        await page.locator('[data-state="ok"]').waitFor({ timeout: 60_000 });
        expect(await page.locator('main').innerText()).toContain('Trial balance per fund');
        await screenshot(page, 'staff-ledger.en');
        await page.close();
      } finally {
        await english.close();
      }
    });
  },
);
