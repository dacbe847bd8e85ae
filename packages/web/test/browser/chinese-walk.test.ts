import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBrowser, testServers, type BrowserSession } from './harness.ts';
import { demoPersonLogins, signInAsEmployer, signInAsPerson, signInAsStaff } from './sign-in-helpers.ts';

const environment = inject('browserTests');
// The pages' texts and layout do not depend on the database: one server is enough, and CI stays well
// inside its hour (the flows that write run against both).
const servers = testServers(environment).filter((server) => server.database === 'sqlite');

/**
 * Latin-script words a Chinese page may show: file formats and names everyone uses as they are, the
 * language switch's own label, and the names of software and licences. Anything else is stray English.
 */
const ALLOWED = new Set([
  'PDF',
  'JPEG', // the image formats an application's documents may have
  'PNG',
  'CSV',
  'Excel',
  'QR',
  'API',
  'xlsx',
  'csv',
  'X', // the identity number's check character
  'English',
  'Apache',
  'sqlite',
  'postgres',
  'MB', // a file's size limit
]);

/**
 * The Latin-script words of a text that are not codes or numbers: a run of letters, digits and joiners
 * with a digit in it (a credit code, a bill number, a date, "Apache-2.0") is a code and passes.
 */
export function strayWords(text: string): string[] {
  const stray = new Set<string>();
  for (const token of text.match(/[A-Za-z0-9][A-Za-z0-9_.:/#-]*/g) ?? []) {
    if (/\d/.test(token)) continue;
    for (const word of token.match(/[A-Za-z]+/g) ?? []) if (!ALLOWED.has(word)) stray.add(word);
  }
  return [...stray];
}

/** Waits until the page has its heading and nothing is loading any more. */
async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 20_000 });
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .person-loading, [aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 20_000 })
    .catch(() => undefined);
}

/** The main navigation's pages of a signed-in section, and links to some of their detail pages. */
async function navTargets(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: '主导航' }).getByRole('link');
  const hrefs = await links.evaluateAll((elements) => elements.map((it) => it.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((href) => href.startsWith('/')))];
}

/** The first link on the page whose address starts with `prefix`, if there is one. */
async function firstLink(page: Page, prefix: string): Promise<string | null> {
  const link = page.locator(`a[href^="${prefix}"]`).first();
  return (await link.count()) ? await link.getAttribute('href') : null;
}

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'every page in Chinese, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    let browser: BrowserSession;
    /** page address -> stray words found on it */
    const found = new Map<string, string[]>();

    beforeAll(async () => {
      browser = await startBrowser(environment.chromiumPath!, 'zh-CN');
    });
    afterAll(async () => {
      await browser?.close();
    });

    async function check(page: Page, path: string): Promise<void> {
      if (new URL(page.url()).pathname + new URL(page.url()).search !== path)
        await page.goto(`${baseUrl}${path}`);
      await settle(page);
      // Text in <code> is a literal to be typed as it is (a file's column names): not prose.
      const text = await page.evaluate(() => {
        let body = document.body.innerText;
        document.querySelectorAll('code').forEach((code) => (body = body.replace(code.innerText, ' ')));
        return body;
      });
      const words = strayWords(text);
      if (words.length) found.set(path, words);
    }

    async function walk(page: Page, extra: (page: Page) => Promise<string[]>): Promise<void> {
      for (const path of await navTargets(page)) {
        await check(page, path);
        for (const detail of await extra(page)) await check(page, detail);
      }
    }

    function report(): string {
      return [...found].map(([path, words]) => `${path}: ${words.join(', ')}`).join('\n');
    }

    it('finds no stray English on the public pages', async () => {
      const page = await browser.context.newPage();
      for (const path of ['/', '/login/person', '/login/employer', '/login/staff', '/verify'])
        await check(page, path);
      await page.close();
    }, 300_000);

    it('finds no stray English on an insured person’s and a flexible worker’s pages', async () => {
      const logins = await demoPersonLogins(baseUrl);
      for (const idNumber of [logins.employee, logins.flexible]) {
        const page = await browser.context.newPage();
        await signInAsPerson(page, baseUrl, idNumber);
        await walk(page, async (current) => {
          const receipt = await firstLink(current, '/person/receipts/');
          return receipt ? [receipt] : [];
        });
        // A statement issued now, and its verification page (what the QR code opens).
        const code = await page.evaluate(async () => {
          const me = (await (await fetch('/api/auth/me')).json()) as { personId: number; csrfToken: string };
          const response = await fetch(`/api/persons/${me.personId}/statements`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
            body: JSON.stringify({ kind: 'certificate' }),
          });
          return ((await response.json()) as { code?: string }).code ?? null;
        });
        if (code) await check(page, `/verify/${code}`);
        await page.close();
        await browser.context.clearCookies();
      }
    }, 300_000);

    it('finds no stray English on the employer’s pages', async () => {
      const page = await browser.context.newPage();
      await signInAsEmployer(page, baseUrl);
      await walk(page, async (current) => {
        const details = [
          await firstLink(current, '/employer/bills/'),
          await firstLink(current, '/employer/payments/'),
        ];
        return details.filter((it): it is string => it !== null);
      });
      await page.close();
      await browser.context.clearCookies();
    }, 300_000);

    it('finds no stray English on the agency staff’s pages', async () => {
      // A proposal waiting for approval, by the second administrator, so the approvals page shows one.
      const proposer = await browser.context.newPage();
      await signInAsStaff(proposer, baseUrl, 'admin2');
      const proposed = await proposer.evaluate(async () => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const response = await fetch('/api/policy/parameters', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({
            name: 'base.floor',
            regionCode: '110000',
            validFrom: '2040-01',
            value: 750000,
            source: '北京市社会保险缴费基数通知（测试）',
          }),
        });
        return response.status;
      });
      expect(proposed).toBeLessThan(300);
      await proposer.close();
      await browser.context.clearCookies();

      const page = await browser.context.newPage();
      await signInAsStaff(page, baseUrl, 'admin');
      await walk(page, async (current) => {
        // The ledger shows its accounts once verified.
        const verify = current.getByRole('button', { name: '开始核验' });
        if ((await verify.count()) === 0) return [];
        await verify.click();
        await current.locator('#ledger-balances').waitFor({ timeout: 30_000 });
        const words = strayWords(await current.locator('main').innerText());
        if (words.length) found.set('/staff/ledger (verified)', words);
        return [];
      });
      await check(page, '/staff/persons/1');
      await check(page, '/staff/employers/1');
      await page.close();
    }, 300_000);

    it('reports every page with stray English, and the words', () => {
      expect(report(), 'Latin-script words on Chinese pages (page: words)').toBe('');
    });
  },
);
