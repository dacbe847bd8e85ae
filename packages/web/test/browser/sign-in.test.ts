import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { adminCookie, DEMO_PASSWORD, demoCreditCode, uniqueIdNumber } from './demo-data.ts';
import { screenshot, startBrowser, testServers, type BrowserSession } from './harness.ts';

const environment = inject('browserTests');
const servers = testServers(environment);

/** Whether the server documents the login routes (they come with the accounts module). */
async function serverHasLogins(): Promise<boolean> {
  const baseUrl = environment.servers[0]?.baseUrl;
  if (!baseUrl) return false;
  const response = await fetch(`${baseUrl}/api/openapi.json`);
  if (!response.ok) return false;
  const document = (await response.json()) as { paths?: Record<string, unknown> };
  return document.paths?.['/api/auth/login/staff'] !== undefined;
}

const loginsMissing =
  environment.skipped ?? ((await serverHasLogins()) ? undefined : 'the server has no login routes');
if (loginsMissing && !environment.skipped)
  console.warn(`web-browser: sign-in tests skipped: ${loginsMissing}`);

// The demo region's accounts (packages/server/src/demo): staff "admin" with the demo password, and the
// first demo persons.

/** The identity number of the first demo person, who can log in (as the administrator finds it). */
async function demoPersonIdNumber(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/persons/1`, {
    headers: { cookie: await adminCookie(baseUrl) },
  });
  return ((await response.json()) as { idNumber: string }).idNumber;
}

describe.skipIf(loginsMissing !== undefined).each(servers)(
  'signing in and out, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    let browser: BrowserSession;
    beforeAll(async () => {
      browser = await startBrowser(environment.chromiumPath!, 'zh-CN');
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('says so in the reader’s language when the password is wrong', async () => {
      const page = await browser.context.newPage();
      await page.goto(`${baseUrl}/login/staff`);
      await page.locator('#login-staff_userName').fill('admin');
      await page.locator('#login-staff_password').fill('not the password');
      await page.locator('#login-staff_password').press('Enter');
      await expect.poll(() => page.getByRole('alert').innerText()).toContain('账号或密码不正确');
      await page.close();
    });

    it('signs a staff member in, back to the page asked for, and out again', async () => {
      const page = await browser.context.newPage();
      await page.goto(`${baseUrl}/staff`);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login/staff');
      await page.locator('#login-staff_userName').fill('admin');
      await page.locator('#login-staff_password').fill(DEMO_PASSWORD);
      await page.locator('#login-staff_password').press('Enter');
      await page.getByRole('heading', { level: 1, name: /欢迎/ }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/staff');
      expect(await page.locator('main').innerText()).toContain('系统管理员');
      await screenshot(page, 'staff-home.zh-CN');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: /欢迎/ }).waitFor();

      await page.getByRole('button', { name: /退出登录/ }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/');
      await page.goto(`${baseUrl}/staff`);
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login/staff');
      await page.close();
    });

    it('sends a visitor whose session ended to the login, saying so, and back to the page asked for', async () => {
      const page = await browser.context.newPage();
      const idNumber = await demoPersonIdNumber(baseUrl);
      const signIn = async () => {
        await page.locator('#login-person_idNumber').fill(idNumber);
        await page.locator('#login-person_password').fill(DEMO_PASSWORD);
        await page.locator('#login-person_password').press('Enter');
      };
      await page.goto(`${baseUrl}/login/person?next=${encodeURIComponent('/person')}`);
      await signIn();
      // Logging in checks an argon2id hash: on a busy machine that takes a while.
      await page.waitForURL((url) => url.pathname === '/person', { timeout: 30_000 });
      await page.getByRole('heading', { level: 1, name: '我的社保' }).waitFor();

      // The session ends behind the page's back (as signing out in another tab does).
      const status = await page.evaluate(async () => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const response = await fetch('/api/auth/logout', {
          method: 'POST',
          headers: { 'X-CSRF-Token': me.csrfToken },
        });
        return response.status;
      });
      expect(status).toBeLessThan(300);

      // The next page asks the server, is answered 401 and sends the visitor to the login.
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '缴费记录' }).click();
      await page.waitForURL((url) => url.pathname === '/login/person', { timeout: 15_000 });
      const url = new URL(page.url());
      expect(url.searchParams.get('expired')).toBe('1');
      expect(url.searchParams.get('next')).toMatch(/^\/person\/record/);
      await expect
        .poll(() => page.locator('.login-expired').innerText())
        .toContain('登录已超时或已在别处退出，请重新登录。');
      await screenshot(page, 'login-expired.zh-CN');

      await signIn();
      await page.waitForURL((url) => url.pathname === '/person/record', { timeout: 30_000 });
      await page.getByRole('heading', { level: 1, name: '缴费记录' }).waitFor();
      expect(await page.locator('.login-expired').count()).toBe(0);
      await page.close();
    });

    it('lets every tab of the browser write, also after the session was renewed in another tab', async () => {
      const creditCode = await demoCreditCode(baseUrl);
      const signInAsEmployer = async (page: Page) => {
        await page.goto(`${baseUrl}/login/employer?next=${encodeURIComponent('/employer/staff')}`);
        await page.locator('#login-employer_creditCode').fill(creditCode);
        await page.locator('#login-employer_userName').fill('finance');
        await page.locator('#login-employer_password').fill(DEMO_PASSWORD);
        await page.locator('#login-employer_password').press('Enter');
        await page.waitForURL((url) => url.pathname === '/employer/staff', { timeout: 30_000 });
      };
      /** Hires a new person with the page's form: a write made with the shared session cookie. */
      const hire = async (page: Page) => {
        const idNumber = uniqueIdNumber();
        await page.getByRole('button', { name: '增员（新员工入职）' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('身份证号码').fill(idNumber);
        await dialog.getByLabel('姓名').fill(`两页员工${idNumber.slice(-4)}`);
        await dialog.getByLabel('首月工资').fill('8000.00');
        await dialog.getByRole('button', { name: '确认增员' }).click();
        await expect.poll(() => dialog.getByRole('status').innerText()).toContain('已同时办理参保登记');
        await dialog.getByRole('button', { name: /^返\s*回$/ }).click();
        // Nothing the server said about tokens reached the reader.
        expect(await page.locator('body').innerText()).not.toMatch(/CSRF|csrf/);
      };

      const first = await browser.context.newPage();
      await signInAsEmployer(first);
      // A second tab opened later shares the cookie but saw no login reply.
      const second = await browser.context.newPage();
      await second.goto(`${baseUrl}/employer/staff`);
      await second.getByRole('heading', { level: 1, name: '员工' }).waitFor();
      await hire(second);
      await hire(first);

      // Signing in again in the second tab starts a new session (a new token) for both tabs.
      await second.getByRole('button', { name: /退出登录/ }).click();
      await second.waitForURL((url) => url.pathname === '/', { timeout: 15_000 });
      await signInAsEmployer(second);
      await hire(first);
      await hire(second);
      await first.close();
      await second.close();
    }, 240_000);
  },
);
