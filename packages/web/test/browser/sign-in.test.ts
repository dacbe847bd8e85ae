import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminCookie, DEMO_PASSWORD } from './demo-data.ts';
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
        const response = await fetch('/api/auth/logout', {
          method: 'POST',
          headers: { 'X-CSRF-Token': sessionStorage.getItem('shebao.csrf') ?? '' },
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
  },
);
