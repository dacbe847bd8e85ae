import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FIRST_LOAD_BUDGET_BYTES, landingFirstLoad } from '../../scripts/first-load-size.ts';
import { screenshot, startBrowser, testServers, WEB_DIR, type BrowserSession } from './harness.ts';

const environment = inject('browserTests');
// The pages' texts and layout do not depend on the database: one server is enough, and CI stays well
// inside its hour (the flows that write run against both).
const servers = testServers(environment).filter((server) => server.database === 'sqlite');

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'public pages, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    let chinese: BrowserSession;

    beforeAll(async () => {
      chinese = await startBrowser(environment.chromiumPath!, 'zh-CN');
    });
    afterAll(async () => {
      await chinese?.close();
    });

    /** A page at `path` with no language chosen before, so the browser's language decides. */
    async function open(path: string, session: BrowserSession = chinese): Promise<Page> {
      const page = await session.context.newPage();
      await page.goto(`${baseUrl}/api/health`);
      await page.evaluate(() => {
        window.localStorage.clear();
        window.sessionStorage.clear();
      });
      await page.goto(`${baseUrl}${path}`);
      await page.locator('h1').first().waitFor();
      return page;
    }

    const heading = (page: Page) => page.locator('h1').first().innerText();
    const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

    it('shows the landing page in Chinese to a Chinese browser, with the server status', async () => {
      const page = await open('/');
      expect(await heading(page)).toBe('社会保险经办与查询');
      expect(await htmlLang(page)).toBe('zh-CN');
      expect(await page.title()).toBe('社会保险经办与查询 - 社保');
      for (const name of ['个人登录', '单位登录', '经办人员登录', '核验社保文件']) {
        await page.getByRole('link', { name, exact: true }).waitFor();
      }
      await page
        .getByRole('status')
        .filter({ hasText: `服务正常（数据库：${server.database}）` })
        .waitFor();
      await expect.poll(() => page.getByRole('navigation', { name: '主导航' }).count()).toBe(1);
      expect(await page.locator('header, main, footer').count()).toBe(3);
      await screenshot(page, 'landing.zh-CN');
      await page.close();
    });

    it('shows the landing page in English to an English browser', async () => {
      const english = await startBrowser(environment.chromiumPath!, 'en-US');
      try {
        const page = await open('/', english);
        expect(await heading(page)).toBe('Social insurance administration and inquiry');
        expect(await htmlLang(page)).toBe('en');
        await page.getByRole('link', { name: 'Insured person', exact: true }).waitFor();
        await page
          .getByRole('status')
          .filter({ hasText: `Service running (database: ${server.database})` })
          .waitFor();
        await screenshot(page, 'landing.en');
      } finally {
        await english.close();
      }
    });

    it('switches the language with one button and remembers the choice', async () => {
      const page = await open('/');
      await page.getByRole('button', { name: 'Switch the language to English' }).click();
      await expect.poll(() => heading(page)).toBe('Social insurance administration and inquiry');
      expect(await htmlLang(page)).toBe('en');
      await page.reload();
      await expect.poll(() => heading(page)).toBe('Social insurance administration and inquiry');
      await page.getByRole('button', { name: '切换为中文' }).click();
      await expect.poll(() => heading(page)).toBe('社会保险经办与查询');
      await page.close();
    });

    it('offers the three logins and checks the identity number as it is typed', async () => {
      const page = await open('/login');
      expect(new URL(page.url()).pathname).toBe('/login/person');
      const tabs = page.getByRole('tab');
      expect(await tabs.allInnerTexts()).toEqual(['参保人', '参保单位', '经办人员']);

      const idNumber = page.getByLabel('公民身份号码');
      const help = page.locator('#login-person_idNumber_help');
      await idNumber.pressSequentially('1101051949');
      expect(await help.innerText()).toBe('18 位身份证号码，末位可能是 X');
      await idNumber.pressSequentially('A');
      await expect.poll(() => help.innerText()).toContain('第 11 位“A”不正确');
      await idNumber.fill('110105194912310021');
      await expect.poll(() => help.innerText()).toBe('校验码不符：最后一位应为 X，请核对号码');
      expect(await idNumber.getAttribute('aria-invalid')).toBe('true');
      await idNumber.fill('11010519491231002x');
      await expect.poll(() => help.innerText()).toBe('号码格式正确：1949-12-31 出生');
      expect((await idNumber.getAttribute('aria-describedby')) ?? '').toContain('login-person_idNumber_help');
      await screenshot(page, 'login-person.zh-CN');

      await page.getByRole('tab', { name: '参保单位' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login/employer');
      const creditCode = page.getByLabel('统一社会信用代码');
      await creditCode.fill('91350100M000100Y44');
      await expect
        .poll(() => page.locator('#login-employer_creditCode_help').innerText())
        .toBe('校验码不符，请核对代码');
      await creditCode.fill('91350100M000100Y43');
      await expect
        .poll(() => page.locator('#login-employer_creditCode_help').innerText())
        .toBe('代码格式正确');
      await page.locator('#login-employer_userName').waitFor();
      await screenshot(page, 'login-employer.zh-CN');

      await page.getByRole('tab', { name: '经办人员' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login/staff');
      await page.locator('#login-staff_userName').waitFor();
      await screenshot(page, 'login-staff.zh-CN');
      await page.close();
    });

    it('refuses to submit a person login with a wrong identity number and says why', async () => {
      const page = await open('/login/person');
      await page.getByLabel('公民身份号码').fill('11010519491231002');
      await page
        .getByRole('button', { name: '登 录' })
        .or(page.getByRole('button', { name: '登录' }))
        .click();
      await expect
        .poll(() => page.locator('#login-person_idNumber_help').innerText())
        .toBe('身份号码应为 18 位（旧号码为 15 位数字），现在是 17 位');
      await expect.poll(() => page.locator('#login-person_password_help').innerText()).toBe('请输入密码');
      await page.close();
    });

    it('shows the plain "unknown code" state when the server knows no such code', async () => {
      const page = await open('/verify');
      const input = page.getByLabel('验证码');
      await input.fill('abcd efgh jkmn pqrs');
      await input.press('Enter');
      const result = page.locator('.verify-result[data-state="unknown"]');
      await result.waitFor();
      expect(await result.innerText()).toContain('未找到该验证码');
      expect(await result.innerText()).toContain('ABCD-EFGH-JKMN-PQRS');
      await screenshot(page, 'verify-unknown.zh-CN');

      await page.getByRole('button', { name: 'Switch the language to English' }).click();
      await expect.poll(() => result.innerText()).toContain('Unknown code');
      await screenshot(page, 'verify-unknown.en');
      await page.close();
    });

    it('answers a browser opening /verify/<code> from a QR code with "not found" for an unknown code', async () => {
      // The statements module answers a browser itself with its server-rendered page (no script needed).
      const page = await open('/verify/ABCD-EFGH-JKMN-PQRS');
      await expect.poll(() => page.locator('body').innerText()).toContain('未找到');
      expect(await page.locator('body').innerText()).toContain('ABCD-EFGH-JKMN-PQRS');
      await page.close();
    });

    it('renders the valid and the signature-does-not-hold answers of GET /verify/<code>', async () => {
      // The browser stands in for the statements module with its documented JSON shape (only for the
      // JSON request, not for the page itself): issuing real statements is the inquiry API tests' job.
      const answers: Record<string, { status: number; body: object }> = {
        '7K3M-9Q2P-X4T8-HB6N': { status: 200, body: verification('7K3M-9Q2P-X4T8-HB6N', 'valid') },
        'HB6N-X4T8-9Q2P-7K3M': { status: 200, body: verification('HB6N-X4T8-9Q2P-7K3M', 'invalid') },
      };
      const page = await open('/verify');
      await page.route('**/verify/*', async (route) => {
        const code = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop()!);
        const answer = answers[code];
        if (route.request().resourceType() !== 'fetch' || !answer) return route.fallback();
        await route.fulfill({ status: answer.status, json: answer.body });
      });
      const input = page.getByLabel('验证码');
      await input.fill('7K3M9Q2PX4T8HB6N');
      await input.press('Enter');
      const valid = page.locator('.verify-result[data-state="valid"]');
      await valid.waitFor();
      expect(await valid.innerText()).toContain('文件有效');
      expect(await valid.innerText()).toContain('2026年11月1日 16:00');
      expect(await valid.innerText()).toContain('个人权益记录单');
      await screenshot(page, 'verify-valid.zh-CN');

      await input.fill('HB6N-X4T8-9Q2P-7K3M');
      await input.press('Enter');
      const invalid = page.locator('.verify-result[data-state="invalid"]');
      await invalid.waitFor();
      expect(await invalid.innerText()).toContain('签名核验不通过');
      await page.getByRole('button', { name: 'Switch the language to English' }).click();
      await expect.poll(() => invalid.innerText()).toContain('The signature does not hold');
      await screenshot(page, 'verify-invalid.en');
      await page.close();
    });

    it('verifies a typed code through the form, and refuses one that cannot be a code', async () => {
      const page = await open('/verify');
      await screenshot(page, 'verify.zh-CN');
      const input = page.getByLabel('验证码');
      await input.fill('UUUU');
      await input.press('Enter');
      await page.getByText('验证码应为 16 位字母或数字（不含 U）').waitFor();
      await input.fill('7k3m-9q2p-x4t8-hb6n');
      await input.press('Enter');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/verify/7K3M-9Q2P-X4T8-HB6N');
      await page.locator('.verify-result[data-state="unknown"]').waitFor();
      await page.close();
    });

    it('reaches the login forms with the keyboard alone, with a visible focus ring', async () => {
      const page = await open('/');
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: '跳到主要内容' });
      expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true);
      expect(await skip.evaluate((element) => element.getBoundingClientRect().top >= 0)).toBe(true);

      // Tab on to the person login link and follow it.
      const personLink = page.getByRole('link', { name: '个人登录', exact: true });
      for (let i = 0; i < 15 && !(await personLink.evaluate((e) => e === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      expect(await personLink.evaluate((element) => element === document.activeElement)).toBe(true);
      const outline = await personLink.evaluate((element) => getComputedStyle(element).outlineStyle);
      expect(outline).not.toBe('none');
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login/person');

      // Focus moved to the page; Tab reaches the tabs, then the identity number field.
      const idNumber = page.getByLabel('公民身份号码');
      for (let i = 0; i < 15 && !(await idNumber.evaluate((e) => e === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      expect(await idNumber.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.type('11010519491231002X');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-person_password');
      await page.close();
    });

    it('fits a phone screen without sideways scrolling', async () => {
      const page = await open('/login/person');
      await page.setViewportSize({ width: 360, height: 740 });
      for (const path of ['/', '/login/person', '/verify/ABCD-EFGH-JKMN-PQRS']) {
        await page.goto(`${baseUrl}${path}`);
        await page.locator('h1').first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(
          360,
        );
      }
      await screenshot(page, 'verify-unknown.phone.zh-CN');
      await page.goto(`${baseUrl}/login/person`);
      await page.locator('h1').first().waitFor();
      await screenshot(page, 'login-person.phone.zh-CN');
      await page.close();
    });

    it('sends a visitor without a session from a person page to the person login', async () => {
      const page = await open('/person');
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login/person');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/person');
      await page.close();
    });

    it('loads a person page without the employer and agency code', async () => {
      const page = await chinese.context.newPage();
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      await page.goto(`${baseUrl}/person`);
      await page.locator('h1').first().waitFor();
      expect(scripts.some((path) => path.includes('person-app'))).toBe(true);
      expect(scripts.filter((path) => /employer-app|staff-app/.test(path))).toEqual([]);
      await page.close();
    });

    it('loads the landing page with at most 300 KB gzipped, the files first-load-size.ts counts', async () => {
      // A fresh browser, so nothing comes from the cache: every file the landing page needs is fetched.
      const fresh = await startBrowser(environment.chromiumPath!, 'zh-CN');
      try {
        const page = await fresh.context.newPage();
        const fetched = new Set<string>();
        page.on('request', (request) => {
          const { origin, pathname } = new URL(request.url());
          if (origin === baseUrl && pathname.startsWith('/assets/')) fetched.add(pathname.slice(1));
        });
        await page.goto(`${baseUrl}/`);
        await page.getByRole('link', { name: '个人登录', exact: true }).waitFor();
        await page.getByRole('status').filter({ hasText: '服务正常' }).waitFor();
        await page.waitForLoadState('networkidle');
        const dist = join(WEB_DIR, 'dist');
        const chinese = landingFirstLoad('zh-CN', dist);
        expect([...fetched].sort()).toEqual(chinese.files.map((file) => file.file).sort());
        expect(chinese.gzipBytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
        expect(landingFirstLoad('en', dist).gzipBytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);

        // The English texts come only with the switch to English, and the page then shows them all.
        expect([...fetched].filter((file) => /\.en-[\w-]+\.js$/.test(file))).toEqual([]);
        await page.getByRole('button', { name: 'Switch the language to English' }).click();
        await expect.poll(() => heading(page)).toBe('Social insurance administration and inquiry');
        await page.getByRole('link', { name: 'Insured person', exact: true }).waitFor();
        expect([...fetched].filter((file) => /\.en-[\w-]+\.js$/.test(file)).sort()).toEqual([
          expect.stringMatching(/^assets\/public\.en-/),
          expect.stringMatching(/^assets\/shell\.en-/),
        ]);
        // A page opened after the switch comes in English with its own texts.
        await page.getByRole('link', { name: 'Insured person', exact: true }).click();
        await expect.poll(() => heading(page)).toBe('Sign in');
      } finally {
        await fresh.close();
      }
    });

    it("shows the error page with a reload button when a page's code cannot be fetched", async () => {
      const page = await chinese.context.newPage();
      await page.route(/\/assets\/person-app-[\w-]+\.js$/, (route) => route.abort());
      await page.goto(`${baseUrl}/person`);
      await expect.poll(() => heading(page)).toBe('出错了');
      await page.getByText('页面加载失败，请刷新后再试。').waitFor();
      await page
        .getByRole('button', { name: '刷 新' })
        .or(page.getByRole('button', { name: '刷新' }))
        .waitFor();
      await screenshot(page, 'route-error.zh-CN');
      await page.close();
    });
  },
);

function verification(code: string, status: 'valid' | 'invalid') {
  return {
    code,
    status,
    valid: status === 'valid',
    message: status === 'valid' ? 'The signature holds.' : 'The signature does not hold.',
    kind: 'rights_statement',
    issuedAt: '2026-11-01T08:00:00.000Z',
    keyId: 'demo-2026',
    document: null,
  };
}

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'pages in English, server on $database',
  (server) => {
    let english: BrowserSession;
    beforeAll(async () => {
      english = await startBrowser(environment.chromiumPath!, 'en-US');
    });
    afterAll(async () => {
      await english?.close();
    });

    it('has an English screenshot of each public page', async () => {
      const page = await english.context.newPage();
      for (const [path, name] of [
        ['/login/person', 'login-person.en'],
        ['/login/employer', 'login-employer.en'],
        ['/login/staff', 'login-staff.en'],
        ['/verify', 'verify.en'],
      ] as const) {
        await page.goto(`${server.baseUrl}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        expect(await page.locator('h1').first().innerText()).toMatch(/Sign in|Verify/);
        await screenshot(page, name);
      }
      await page.close();
    });
  },
);
