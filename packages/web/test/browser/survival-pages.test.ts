import { makeResidentId } from '@shebao/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pickDate } from './date-picker.ts';
import { DEMO_PASSWORD } from './demo-data.ts';
import { screenshot, startBrowser, testServers, type BrowserSession } from './harness.ts';
import { signInAsPerson, signInAsStaff } from './sign-in-helpers.ts';

const environment = inject('browserTests');
const servers = testServers(environment);

/** The demo administrator's session, to find the demo's retiree and give him a login. */
async function adminSession(baseUrl: string) {
  const login = await fetch(`${baseUrl}/api/auth/login/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName: 'admin', password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
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

async function fitsTheWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'survival verification and death reports, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    const sessions: BrowserSession[] = [];
    const browser = async (locale: 'zh-CN' | 'en-US') => {
      const session = await startBrowser(environment.chromiumPath!, locale);
      sessions.push(session);
      return session.context.newPage();
    };
    let retiree: { id: number; idNumber: string };
    let deceased: { id: number; name: string };

    beforeAll(async () => {
      const admin = await adminSession(baseUrl);
      const decided = await admin.get<{ items: { kind: string; personId: number }[] }>(
        '/api/applications?regionCode=110000&state=decided',
      );
      const personId = decided.items.find((item) => item.kind === 'pension')!.personId;
      retiree = { id: personId, ...(await admin.get<{ idNumber: string }>(`/api/persons/${personId}`)) };
      // The demo's retiree gets a login of his own (a second run against the same server finds it made).
      const made = await admin.post('/api/users', { kind: 'person', personId, password: DEMO_PASSWORD });
      expect([201, 409]).toContain(made.status);
      // A demo employee with no login and no claim, whose death the officers report.
      const person = await admin.get<{ id: number; name: string }>('/api/persons/20');
      deceased = { id: person.id, name: person.name };
    });
    afterAll(async () => {
      for (const session of sessions) await session.close();
    });

    it('lets a pensioner verify on their pension page, in Chinese, in English and on a phone', async () => {
      const page = await browser('zh-CN');
      await signInAsPerson(page, baseUrl, retiree.idNumber);
      await page.getByRole('navigation').getByRole('link', { name: '我的养老金', exact: true }).click();
      const card = page.locator('.survival-card');
      await card.waitFor();
      const text = await card.innerText();
      expect(text).toContain('待遇领取资格认证');
      expect(text).toMatch(/本认证周期：\d{4}-\d{2} 至 \d{4}-\d{2}/);
      expect(text).toMatch(/养老金可发放至 \d{4}-\d{2}/);
      await card.getByRole('button', { name: '人脸识别认证' }).click();
      await card
        .getByRole('status')
        .filter({ hasText: /已于 \d{4}-\d{2}-\d{2} 完成认证/ })
        .waitFor();
      await expect.poll(() => card.locator('.survival-history').innerText()).toContain('人脸识别 · 本人');
      expect(await card.getAttribute('data-status')).toBe('verified');
      await screenshot(page, 'survival-person-verified.zh-CN');

      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await card.waitFor();
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'survival-person.phone.zh-CN');

      const english = await browser('en-US');
      await signInAsPerson(english, baseUrl, retiree.idNumber);
      await english.goto(`${baseUrl}/person/pension`);
      const englishCard = english.locator('.survival-card');
      await englishCard.waitFor();
      expect(await englishCard.innerText()).toContain('Survival verification');
      expect(await englishCard.innerText()).toContain('Face recognition · The pensioner');
      expect(await englishCard.getByRole('button', { name: 'Verify by face recognition' }).count()).toBe(1);
      await screenshot(english, 'survival-person.en');
    });

    it('lets one officer record a death report with its heirs and a second confirm it', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.getByRole('navigation').getByRole('link', { name: '认证到期', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '资格认证到期名单' }).waitFor();
      await page.getByRole('status').filter({ hasText: '已载入' }).waitFor();

      // The retiree's verification (made in the test before) on the staff's person page.
      await page.goto(`${baseUrl}/staff/persons/${retiree.id}`);
      await expect
        .poll(() => page.locator('.survival-line').innerText())
        .toContain('领取资格认证：本周期已认证');

      // The report starts from the person's page, the person filled in.
      await page.goto(`${baseUrl}/staff/persons/${deceased.id}`);
      await page.getByRole('link', { name: '登记死亡报告' }).click();
      await page.getByRole('heading', { level: 1, name: '死亡报告' }).waitFor();
      expect(await page.getByLabel('人员编号').inputValue()).toBe(String(deceased.id));
      await pickDate(page.getByLabel('死亡日期'), '2025-03-15');
      await page.getByLabel('报告人姓名').fill('李华');
      const heir = page.locator('.death-report-heir').first();
      await heir.getByLabel('姓名').fill('李华');
      await heir.getByLabel('身份证号').fill(makeResidentId('110105', '1960-05-06', 22));
      await heir.getByLabel('银行账号').fill('123');
      await page.getByRole('button', { name: '提交复核' }).click();
      await expect.poll(() => page.locator('main').innerText()).toContain('请填写12至30位数字的账号');
      await heir.getByLabel('银行账号').fill('6222020200112230009');
      await page.getByRole('button', { name: '提交复核' }).click();
      await page.getByRole('status').filter({ hasText: '死亡报告已登记' }).waitFor();
      const pending = page
        .getByRole('region', { name: '待复核的死亡报告' })
        .getByRole('article', { name: deceased.name });
      await pending.waitFor();
      const text = await pending.innerText();
      expect(text).toContain('2025-04');
      expect(text).toContain('丧葬补助金');
      expect(text).toContain('5000.00');
      expect(text).toContain('李华（配偶，1/1，****0009）');
      await screenshot(page, 'survival-death-proposed.zh-CN');
      // The officer who recorded it cannot confirm it.
      await pending.getByRole('button', { name: '复核确认' }).click();
      await expect.poll(() => pending.innerText()).toContain('提出变更的人不能自己审批');
      await page.getByRole('button', { name: /退出登录/ }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/');

      await signInAsStaff(page, baseUrl, 'benefits2');
      await page.goto(`${baseUrl}/staff/death-reports`);
      const waiting = page
        .getByRole('region', { name: '待复核的死亡报告' })
        .getByRole('article', { name: deceased.name });
      await waiting.getByRole('button', { name: '复核确认' }).click();
      const confirmed = page
        .getByRole('region', { name: '已确认的死亡报告' })
        .getByRole('article', { name: deceased.name });
      await confirmed.waitFor();
      expect(await confirmed.getAttribute('data-state')).toBe('confirmed');
      expect(await waiting.count()).toBe(0);
      await screenshot(page, 'survival-death-confirmed.zh-CN');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await confirmed.waitFor();
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'survival-death-confirmed.phone.zh-CN');

      // The same pages in English.
      const english = await browser('en-US');
      await signInAsStaff(english, baseUrl, 'benefits2');
      await english
        .getByRole('navigation')
        .getByRole('link', { name: 'Verification due', exact: true })
        .click();
      await english.getByRole('heading', { level: 1, name: 'Survival verification due' }).waitFor();
      await english.getByRole('navigation').getByRole('link', { name: 'Death reports', exact: true }).click();
      const englishCard = english
        .getByRole('region', { name: 'Confirmed death reports' })
        .getByRole('article', { name: deceased.name });
      await englishCard.waitFor();
      expect(await englishCard.innerText()).toContain('Funeral grant');
      expect(await englishCard.innerText()).toContain('Confirmed');
      await screenshot(english, 'survival-death-reports.en');
    });
  },
);
