import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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

// The demo region's accounts (packages/server/src/demo): staff "admin" with the demo password.
const DEMO_PASSWORD = 'shebao-demo-2025';

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
  },
);
