import { addMonths, calculateRetirement, type RetirementGroup } from '@shebao/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenshot, startBrowser, testServers, type BrowserSession } from './harness.ts';
import { DEMO_PASSWORD } from './demo-data.ts';
import { pickDate } from './date-picker.ts';
import { signInAsPerson, signInAsStaff } from './sign-in-helpers.ts';

const environment = inject('browserTests');
const servers = testServers(environment);

/** A demo administrator's session, for the API calls that set the scene (reads, the month's run, a correction). */
async function adminSession(baseUrl: string, userName = 'admin') {
  const login = await fetch(`${baseUrl}/api/auth/login/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        cookie,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': csrfToken }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect([200, 201], path).toContain(response.status);
    return (await response.json()) as T;
  };
}

/** No sideways scrolling of the page itself on a phone (wide tables scroll inside their own box). */
async function fitsTheWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.locator('.benefit-loading').first().waitFor({ state: 'detached' });
}

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'the pension forecast and the invitation to claim, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    const sessions: BrowserSession[] = [];
    const browser = async (locale: 'zh-CN' | 'en-US') => {
      const session = await startBrowser(environment.chromiumPath!, locale);
      sessions.push(session);
      return session.context.newPage();
    };
    let person: { idNumber: string; retirementMonth: string };

    beforeAll(async () => {
      const admin = await adminSession(baseUrl);
      const facts = await admin<{ idNumber: string; birthDate: string; sex: 'male' | 'female' }>(
        '/api/persons/1',
      );
      // The month's run in the month before the first demo person reaches retirement (docs/RULES.md 14.13):
      // a woman whose original age is not known is asked about as of 50.
      const group: RetirementGroup = facts.sex === 'male' ? 'male' : 'female-50';
      const { retirementMonth } = calculateRetirement({ birthMonth: facts.birthDate.slice(0, 7), group });
      await admin('/api/retirement-invitation-runs', {
        regionCode: '110000',
        period: addMonths(retirementMonth, -1),
      });
      person = { idNumber: facts.idNumber, retirementMonth };
    });
    afterAll(async () => {
      for (const session of sessions) await session.close();
    });

    it('shows a pensioner every version of the award, a correction approved by a second person with its reason', async () => {
      const admin = await adminSession(baseUrl);
      const decided = await admin<{ items: { kind: string; personId: number }[] }>(
        '/api/applications?regionCode=110000&state=decided',
      );
      const retireeId = decided.items.find((item) => item.kind === 'pension')!.personId;
      const awards = await admin<{ items: { awardNo: string; version: number; validFrom: string }[] }>(
        `/api/persons/${retireeId}/awards`,
      );
      const awardNo = awards.items.map((award) => award.awardNo).sort()[0]!;
      const start = awards.items.find((award) => award.awardNo === awardNo && award.version === 1)!.validFrom;
      // A new payee account from the first month, proposed by one benefits officer on the person's page,
      // approved there by another.
      const reason = '开户银行变更，按本人申请更正领取账户。';
      const staff = await browser('zh-CN');
      await signInAsStaff(staff, baseUrl, 'benefits');
      await staff.goto(`${baseUrl}/staff/persons/${retireeId}`);
      const correction = staff.locator(`[data-award="${awardNo}"] .award-correction`);
      await correction.waitFor();
      await pickDate(staff.locator(`#correction-${awardNo}_validFrom`), start);
      await staff.locator(`#correction-${awardNo}_payeeKind`).click();
      await staff.locator('.ant-select-item-option').filter({ hasText: '银行账户' }).click();
      await staff.locator(`#correction-${awardNo}_account`).fill('6217000010001234567');
      await staff.locator(`#correction-${awardNo}_reason`).fill(reason);
      await correction.getByRole('button', { name: '提交复核' }).click();
      const waiting = staff.locator(`[data-award="${awardNo}"] .award-correction[data-pending]`);
      await waiting.waitFor();
      expect(await waiting.innerText()).toContain('等待复核');
      expect(await waiting.innerText()).toContain('领取账户改为银行账户 ****4567');
      await screenshot(staff, 'benefit-staff-correction-proposed.zh-CN');
      await staff.getByRole('button', { name: /退出登录/ }).click();
      await expect.poll(() => new URL(staff.url()).pathname).toBe('/');
      await signInAsStaff(staff, baseUrl, 'benefits2');
      await staff.goto(`${baseUrl}/staff/persons/${retireeId}`);
      await waiting.getByRole('button', { name: /^通\s?过$/ }).click();
      await waiting.waitFor({ state: 'detached' });
      await expect
        .poll(() => staff.locator(`[data-award="${awardNo}"]`).innerText())
        .toContain('更正（第 2 版）');
      await admin('/api/users', { kind: 'person', personId: retireeId, password: DEMO_PASSWORD });
      const { idNumber } = await admin<{ idNumber: string }>(`/api/persons/${retireeId}`);

      const page = await browser('zh-CN');
      await signInAsPerson(page, baseUrl, idNumber);
      await page.goto(`${baseUrl}/person/pension`);
      await settled(page);
      const versions = page.locator('.award-versions').first();
      await versions.waitFor();
      await expect.poll(() => versions.innerText()).toContain(reason);
      expect(await versions.innerText()).toContain('历次版本');
      expect(await page.locator('main').innerText()).toContain('更正（第 2 版）');
      expect(await page.locator('main').innerText()).toContain('****4567');
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'benefit-person-award-versions.phone.zh-CN');
    });

    it('tells the person in time, and forecasts three starts side by side with every part explained', async () => {
      const page = await browser('zh-CN');
      await signInAsPerson(page, baseUrl, person.idNumber);
      await page.getByRole('navigation').getByRole('link', { name: '我的养老金', exact: true }).click();
      await settled(page);
      const notice = page.locator('.benefit-invitation');
      await notice.waitFor();
      const year = person.retirementMonth.slice(0, 4);
      expect(await notice.innerText()).toContain(`您将于 ${year}`);
      expect(await notice.innerText()).toContain('达到法定退休年龄');
      if ((await notice.getAttribute('data-kind')) === 'shortfall')
        expect(await notice.innerText()).toContain('转入城乡居民基本养老保险');
      await screenshot(page, 'benefit-person-invitation.zh-CN');

      await notice.getByRole('link', { name: '查看养老金测算' }).click();
      await page.getByRole('heading', { level: 1, name: '养老金测算' }).waitFor();
      await settled(page);
      const cases = page.locator('.forecast-case');
      await expect.poll(() => cases.count()).toBe(3);
      expect(await cases.nth(0).getAttribute('data-case')).toBe('earliest');
      expect(await cases.nth(1).getAttribute('data-case')).toBe('statutory');
      expect(await cases.nth(2).getAttribute('data-case')).toBe('latest');
      expect(await cases.nth(1).innerText()).toContain('法定退休年龄');
      expect(await page.locator('.forecast-assumptions').innerText()).toContain('假设每年增长 4%');

      // The person changes an assumption: the forecast is worked out again, the figure said as given.
      await page.getByLabel('工资年增长率（%）').fill('0');
      await page.getByRole('button', { name: '重新测算' }).click();
      await expect.poll(() => page.locator('.forecast-assumptions').innerText()).toContain('您填写的');
      await page.getByRole('button', { name: /法定退休年龄 ·/ }).click();
      const details = page.locator('.benefit-assessment').first();
      await details.waitFor();
      expect(await details.innerText()).toContain('领取条件');
      await screenshot(page, 'benefit-person-forecast.zh-CN');

      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await settled(page);
      await cases.first().waitFor();
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'benefit-person-forecast.phone.zh-CN');

      const english = await browser('en-US');
      await signInAsPerson(english, baseUrl, person.idNumber);
      await english.goto(`${baseUrl}/person/pension-forecast`);
      await english.getByRole('heading', { level: 1, name: 'Pension forecast' }).waitFor();
      await settled(english);
      const englishCases = english.locator('.forecast-case');
      await expect.poll(() => englishCases.count()).toBe(3);
      expect(await englishCases.nth(0).innerText()).toContain('Earliest (flexible early)');
      expect(await english.locator('.forecast-assumptions').innerText()).toContain('assumed: 4% a year');
      await english.goto(`${baseUrl}/person/applications`);
      await english.locator('.benefit-invitation').waitFor();
      expect(await english.locator('.benefit-invitation').innerText()).toContain(
        'You reach the statutory retirement age',
      );
      await screenshot(english, 'benefit-person-forecast.en');
    });
  },
);
