// Notices on the pages (docs/RULES.md 17.2): a person sets the e-mail address and language they are told
// in, with the server's field errors shown on the fields; a collection officer starts the yearly statement
// for the demo region and follows it until done (an auditor only reads); the person finds the statement's
// notice in the inbox with its e-mail delivery, marks it read, and reads it in English after the language
// switch; the employer has Shebao tell its staff their monthly details (SIL Art. 60). At phone width.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminCookie } from './demo-data.ts';
import { fitsTheWidth, screenshot, startBrowser, testServers, type BrowserSession } from './harness.ts';
import { signInAsEmployer, signInAsPerson, signInAsStaff } from './sign-in-helpers.ts';

const environment = inject('browserTests');
// The notifications module is tested on both databases by the server; the pages need one.
const servers = testServers(environment).filter((server) => server.database === 'sqlite');

const REGION = '110000';
const PHONE = { width: 390, height: 844 };

interface Notice {
  id: number;
  kind: string;
  title: string;
  readAt: string | null;
  deliveries: { channel: string; address: string; status: string }[];
}
interface Inbox {
  notices: Notice[];
  unread: number;
}
interface Settings {
  email: string | null;
  emailEnabled: boolean;
  smsEnabled: boolean;
  language: string;
  monthlyDetails: boolean;
}

/** A GET of the signed-in user's own, from inside the page (their session cookie). */
function readAs<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return (await response.json()) as T;
  }, path);
}

async function openPage(page: Page, baseUrl: string, path: string, heading: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.locator('.notice-loading').first().waitFor({ state: 'detached' });
}

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'notices: the inbox, the channels, the region runs, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    const sessions: BrowserSession[] = [];
    const browser = async (locale: 'zh-CN' | 'en-US') => {
      const session = await startBrowser(environment.chromiumPath!, locale);
      sessions.push(session);
      return session.context.newPage();
    };
    /** The third demo person with a login (the first two have channels chosen in the demo). */
    let person: { id: number; idNumber: string };
    /** A year of the demo region whose yearly statement has not been sent yet. */
    let year: number;
    /** The person's page, kept between the tests (the language switch is remembered per browser). */
    let personPage: Page;
    const email = `notices.${Date.now()}@example.cn`;

    beforeAll(async () => {
      const cookie = await adminCookie(baseUrl);
      const read = async <T>(path: string): Promise<T> => {
        const response = await fetch(`${baseUrl}${path}`, {
          headers: { cookie, accept: 'application/json' },
        });
        expect(response.status, path).toBe(200);
        return (await response.json()) as T;
      };
      const found = await read<{ id: number; idNumber: string }>('/api/persons/3');
      person = { id: found.id, idNumber: found.idNumber };
      const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { time: string };
      const overview = await read<{ runs: { kind: string; regionCode: string; period: string }[] }>(
        '/api/notices/overview',
      );
      const sent = new Set(
        overview.runs
          .filter((run) => run.kind === 'yearly-statement' && run.regionCode === REGION)
          .map((run) => Number(run.period)),
      );
      year = Number(health.time.slice(0, 4)) - 1;
      while (sent.has(year)) year -= 1;
    });
    afterAll(async () => {
      for (const session of sessions) await session.close();
    });

    it('lets a person choose e-mail and the language, with the server’s field errors on the fields', async () => {
      const page = (personPage = await browser('zh-CN'));
      await page.setViewportSize(PHONE);
      await signInAsPerson(page, baseUrl, person.idNumber);
      // The dashboard says how many notices are unread and leads to them.
      const quick = page.getByTestId('quick-notices');
      await expect.poll(() => quick.innerText(), { timeout: 20_000 }).toMatch(/未读消息 \d+ 条|没有未读消息/);
      await quick.click();
      await page.getByRole('heading', { level: 1, name: '消息' }).waitFor();
      await page.getByRole('heading', { level: 2, name: '接收方式' }).waitFor();
      await page.locator('#person-notice-settings_email').waitFor();

      // SMS without a mobile number is refused before sending; a number of the wrong shape by the server,
      // which names the field: the reason stands under it, in Chinese.
      await page.getByRole('checkbox', { name: '通过短信告知' }).check();
      await page.locator('#person-notice-settings button[type="submit"]').click();
      const phoneError = page.locator('#person-notice-settings_phone_help');
      await expect.poll(() => phoneError.innerText()).toBe('选择通过短信告知时，请填写手机号码。');
      await page.locator('#person-notice-settings_phone').fill('12345');
      const refused = page.waitForResponse(
        (response) => response.url().endsWith(`/notice-settings`) && response.request().method() === 'PUT',
      );
      await page.locator('#person-notice-settings button[type="submit"]').click();
      expect((await refused).status()).toBe(400);
      await expect.poll(() => phoneError.innerText()).toBe('请填写以 1 开头的 11 位大陆手机号码。');
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'notices-person-field-error.phone.zh-CN');

      // E-mail only, in English.
      await page.locator('#person-notice-settings_phone').fill('');
      await page.getByRole('checkbox', { name: '通过短信告知' }).uncheck();
      await page.locator('#person-notice-settings_email').fill(email);
      await page.getByRole('checkbox', { name: '通过电子邮件告知' }).check();
      await page.locator('label.ant-radio-wrapper').filter({ hasText: '英文' }).click();
      await page.locator('#person-notice-settings button[type="submit"]').click();
      await page.getByText('接收方式已保存。').waitFor();
      const saved = await readAs<Settings>(page, `/api/persons/${person.id}/notice-settings`);
      expect(saved).toMatchObject({ email, emailEnabled: true, smsEnabled: false, language: 'en' });
    }, 120_000);

    it('lets a collection officer send the yearly statement to the demo region and follow it until done', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'collector');
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '消息发送' }).click();
      await page.getByRole('heading', { level: 1, name: '消息发送' }).waitFor();
      await page.locator('label.ant-radio-button-wrapper').filter({ hasText: '年度权益记录单' }).click();
      await page.locator('#notice-run_year').fill(String(year));
      const started = page.waitForResponse(
        (response) => response.url().endsWith('/api/notice-runs') && response.request().method() === 'POST',
      );
      await page.getByRole('button', { name: '开始发送' }).click();
      expect((await started).status()).toBe(202);
      const progress = page.locator('.notice-run-progress');
      await progress.locator('.notice-run-outcome').waitFor({ timeout: 60_000 });
      expect(await progress.getAttribute('data-status')).toBe('done');
      const runId = Number(await progress.getAttribute('data-run-id'));
      expect(await progress.innerText()).toContain(`年度权益记录单，${REGION}，${year}年`);
      expect(await progress.innerText()).toContain('批次已完成');
      const run = await readAs<{ status: string; total: number; done: number; enqueued: number }>(
        page,
        `/api/notice-runs/${runId}`,
      );
      expect(run.status).toBe('done');
      expect(run.done).toBe(run.total);
      expect(run.enqueued).toBeGreaterThan(0);
      expect(await progress.innerText()).toContain(`已完成 ${run.done} / 共 ${run.total}`);
      // The recent runs list it, done, with who started it.
      const row = page.locator('.notice-runs tbody tr').filter({ hasText: `#${runId}` });
      await expect.poll(() => row.innerText()).toContain('已完成');
      expect(await row.innerText()).toContain('collector');
      await screenshot(page, 'notices-staff-run.zh-CN');
      await page.setViewportSize(PHONE);
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'notices-staff-run.phone.zh-CN');

      // An auditor reads the page but starts nothing.
      const auditor = await browser('zh-CN');
      await signInAsStaff(auditor, baseUrl, 'auditor');
      await auditor
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: '消息发送' })
        .click();
      await auditor.getByText('只有征缴经办人员和系统管理员可以发起批量告知。').waitFor();
      expect(await auditor.getByRole('button', { name: '开始发送' }).isDisabled()).toBe(true);
      await auditor
        .locator('.notice-runs tbody tr')
        .filter({ hasText: `#${runId}` })
        .waitFor();
    }, 120_000);

    it('shows the person the statement’s notice with its e-mail, marks it read, and follows the language', async () => {
      const page = personPage;
      await openPage(page, baseUrl, '/person/notices', '消息');
      const inbox = await readAs<Inbox>(page, `/api/persons/${person.id}/notices?lang=zh-CN`);
      const notice = inbox.notices.find((it) => it.kind === 'statement.yearly');
      expect(notice, 'the yearly statement’s notice').toBeDefined();
      expect(notice!.title).toContain(String(year));
      const item = page.locator(`.notice-item[data-notice-id="${notice!.id}"]`);
      await item.waitFor();
      expect(await item.getAttribute('data-read')).toBe('false');
      expect(await item.locator('.notice-toggle').innerText()).toBe(notice!.title);
      expect(await item.innerText()).toContain('未读');
      // Told by e-mail, as chosen: the address masked, waiting for the mail server.
      const delivery = item.locator('.notice-delivery[data-channel="email"]');
      expect(await delivery.innerText()).toContain('电子邮件');
      expect(await delivery.locator('code').innerText()).toBe('n***@example.cn');
      const count = page.locator('.notice-unread-count');
      expect(Number(await count.getAttribute('data-unread'))).toBe(inbox.unread);
      await screenshot(page, 'notices-person-inbox.phone.zh-CN');

      // Opening it shows the whole text and where it leads, and marks it read.
      await item.locator('.notice-toggle').click();
      expect(await item.locator('.notice-toggle').getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => item.getAttribute('data-read')).toBe('true');
      expect(Number(await count.getAttribute('data-unread'))).toBe(inbox.unread - 1);
      expect(await item.getByRole('link', { name: '前往查看' }).getAttribute('href')).toBe(
        '/person/statements',
      );
      const after = await readAs<Inbox>(page, `/api/persons/${person.id}/notices?lang=zh-CN`);
      expect(after.notices.find((it) => it.id === notice!.id)!.readAt).not.toBeNull();
      expect(after.unread).toBe(inbox.unread - 1);

      // "Mark read" on another unread one.
      const other = page.locator('.notice-item[data-read="false"]').first();
      if (await other.count()) {
        const otherId = await other.getAttribute('data-notice-id');
        await other.getByRole('button', { name: '标为已读' }).click();
        await page.locator(`.notice-item[data-notice-id="${otherId}"][data-read="true"]`).waitFor();
        expect(Number(await count.getAttribute('data-unread'))).toBe(inbox.unread - 2);
      }
      expect(await fitsTheWidth(page)).toBe(true);

      // Switched to English, the inbox is the server's English rendering of the same notices.
      const english = await readAs<Inbox>(page, `/api/persons/${person.id}/notices?lang=en`);
      const englishTitle = english.notices.find((it) => it.id === notice!.id)!.title;
      expect(englishTitle).not.toBe(notice!.title);
      expect(englishTitle).toContain(String(year));
      await page.locator('.language-switch').click();
      await page.getByRole('heading', { level: 1, name: 'Notices' }).waitFor();
      await expect.poll(() => item.locator('.notice-toggle').innerText()).toBe(englishTitle);
      expect(await delivery.innerText()).toContain('E-mail');
      await page.getByRole('heading', { level: 2, name: 'How you are told' }).waitFor();
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'notices-person-inbox.phone.en');
    }, 120_000);

    it('lets an employer have Shebao tell its staff their monthly details', async () => {
      const page = await browser('zh-CN');
      await page.setViewportSize(PHONE);
      await signInAsEmployer(page, baseUrl);
      const me = await readAs<{ employerId: number }>(page, '/api/auth/me');
      const path = `/api/employers/${me.employerId}/notice-settings`;
      await openPage(page, baseUrl, '/employer/notices', '消息');
      const monthly = page.locator('.notice-monthly');
      await monthly.waitFor();
      expect(await monthly.innerText()).toContain('《社会保险法》第六十条');
      const toggle = page.getByRole('switch', { name: '由社保经办机构按月告知职工' });
      const save = async () => {
        const saved = page.waitForResponse(
          (response) => response.url().endsWith(path) && response.request().method() === 'PUT',
        );
        await page.locator('#employer-notice-settings button[type="submit"]').click();
        expect((await saved).status()).toBe(200);
        await page.getByText('接收方式已保存。').waitFor();
      };
      // Off first where an earlier run (or the demo) turned it on, so the test turns it on itself.
      if ((await toggle.getAttribute('aria-checked')) === 'true') {
        await toggle.click();
        await save();
        expect((await readAs<Settings>(page, path)).monthlyDetails).toBe(false);
      }
      await toggle.click();
      expect(await toggle.getAttribute('aria-checked')).toBe('true');
      await save();
      expect((await readAs<Settings>(page, path)).monthlyDetails).toBe(true);
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'notices-employer.phone.zh-CN');
      // Its menu leads there too.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: '消息' }).waitFor();
      expect(
        await page.getByRole('switch', { name: '由社保经办机构按月告知职工' }).getAttribute('aria-checked'),
      ).toBe('true');
    }, 120_000);
  },
);
