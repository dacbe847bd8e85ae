import { parseYuanToFen } from '@shebao/domain';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatPeriod, formatYuan } from '../../src/shell/format.ts';
import { screenshot, startBrowser, testServers, type BrowserSession, fitsTheWidth } from './harness.ts';
import { adminCookie } from './demo-data.ts';
import { demoPersonLogins, signInAsPerson } from './sign-in-helpers.ts';

const environment = inject('browserTests');
const servers = testServers(environment);

interface DemoPerson {
  id: number;
  idNumber: string;
  name: string;
}

/** The API as the demo administrator sees it (to find the demo persons; each read is in their access log). */
async function adminApi(baseUrl: string) {
  const cookie = await adminCookie(baseUrl);
  return async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie, accept: 'application/json' } });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
}

async function logInPerson(page: Page, baseUrl: string, person: DemoPerson): Promise<void> {
  await signInAsPerson(page, baseUrl, person.idNumber);
  await page.locator('h1').first().waitFor();
}

async function openPage(page: Page, baseUrl: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('h1').first().waitFor();
  await page.locator('.person-loading').first().waitFor({ state: 'detached' });
}

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'the insured person’s pages, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    let person: DemoPerson;
    let flexible: DemoPerson;
    let month: { period: string; employerName: string | null; totalFen: number };
    const sessions: BrowserSession[] = [];
    const browser = async (locale: 'zh-CN' | 'en-US') => {
      const session = await startBrowser(environment.chromiumPath!, locale);
      sessions.push(session);
      return session.context.newPage();
    };

    beforeAll(async () => {
      const admin = await adminApi(baseUrl);
      // The first demo person, and their latest month with a contribution.
      person = await admin<DemoPerson>('/api/persons/1');
      const record = await admin<{
        lastPeriod: string;
        months: { period: string; employerName: string | null; totalFen: number }[];
      }>('/api/persons/1/rights-record');
      month = record.months.filter((row) => row.period === record.lastPeriod).at(-1)!;
      // The flexible worker with a login: the first person with an open bill of their own who can log in.
      const { flexiblePersonId } = await demoPersonLogins(baseUrl);
      flexible = await admin<DemoPerson>(`/api/persons/${flexiblePersonId}`);
      expect(flexible, 'a demo flexible worker with an open bill can log in').toBeDefined();
    });
    afterAll(async () => {
      for (const session of sessions) await session.close();
    });

    it('shows the dashboard and a known month of the record, with its chart and CSV, on a phone too', async () => {
      const page = await browser('zh-CN');
      await logInPerson(page, baseUrl, person);
      await openPage(page, baseUrl, '/person');
      expect(await page.locator('h1').innerText()).toBe('我的社保');
      const main = page.locator('main');
      await main.getByRole('heading', { level: 2, name: '累计缴费月数' }).waitFor();
      await main.getByRole('heading', { level: 2, name: '个人账户余额' }).waitFor();
      expect(await main.innerText()).toContain('养老保险个人账户');
      await screenshot(page, 'person-dashboard.zh-CN');

      const year = month.period.slice(0, 4);
      await openPage(page, baseUrl, `/person/record?year=${year}`);
      expect(await page.locator('h1').innerText()).toBe('缴费记录');
      const row = page
        .locator('.person-record-table tbody tr')
        .filter({ hasText: formatPeriod(month.period, 'zh-CN') })
        .filter({ hasText: month.employerName ?? '本人（灵活就业）' });
      await row.first().waitFor();
      expect(await row.first().innerText()).toContain(formatYuan(month.totalFen));
      await page.locator('[role="img"] canvas').first().waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: /下载 CSV 表格/ }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^rights-record-\d+-\d{4}\.csv$/);
      const csv = await readFile((await download.path())!, 'utf8');
      expect(csv).toContain('月份 Month');
      expect(csv).toContain(month.period);
      await screenshot(page, 'person-record.zh-CN');

      // The insurance filter narrows the table to one insurance and keeps the choice in the address.
      await page.locator('#record-insurance').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '养老保险' }).click();
      await expect
        .poll(() => new URL(page.url()).searchParams.get('insurance'), { timeout: 10_000 })
        .toBe('pension');
      expect(await page.locator('.person-record-table thead').innerText()).toContain('缴费基数');

      await page.setViewportSize({ width: 390, height: 844 });
      await openPage(page, baseUrl, '/person');
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'person-dashboard.phone.zh-CN');
      await openPage(page, baseUrl, `/person/record?year=${year}`);
      await row.first().waitFor();
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'person-record.phone.zh-CN');

      const english = await browser('en-US');
      await logInPerson(english, baseUrl, person);
      await openPage(english, baseUrl, '/person');
      expect(await english.locator('h1').innerText()).toBe('My social insurance');
      await screenshot(english, 'person-dashboard.en');
      await openPage(english, baseUrl, `/person/record?year=${year}`);
      await english
        .locator('.person-record-table tbody tr')
        .filter({ hasText: formatPeriod(month.period, 'en') })
        .first()
        .waitFor();
      await screenshot(english, 'person-record.en');
    });

    it('tells months overdue from months billed but not yet due, in both languages', async () => {
      const page = await browser('zh-CN');
      await logInPerson(page, baseUrl, person);
      // The person's real record, with two of its months unpaid: one past its due date, one due later.
      const real = (await (
        await page.request.get(`${baseUrl}/api/persons/${person.id}/rights-record`)
      ).json()) as {
        asOf: string;
        months: { period: string; status: string; dueDate: string | null }[];
      };
      const [late, billed] = real.months.slice(-2).map((m) => m.period);
      const record = {
        ...real,
        asOf: '2026-12-06',
        months: real.months.map((m) =>
          m.period === late
            ? { ...m, status: 'owed', dueDate: '2026-11-15' }
            : m.period === billed
              ? { ...m, status: 'owed', dueDate: '2026-12-15' }
              : m,
        ),
      };
      await page.route(/\/api\/persons\/\d+\/rights-record(\?.*)?$/, (route) =>
        route.fulfill({ json: record }),
      );
      await openPage(page, baseUrl, '/person');
      const overdue = page.getByTestId('alert-overdue');
      await overdue.waitFor();
      expect(await overdue.innerText()).toContain('有 1 个月已逾期未缴清');
      expect(await overdue.innerText()).toContain(formatPeriod(late!, 'zh-CN'));
      const pending = page.getByTestId('alert-pending');
      expect(await pending.innerText()).toContain('有 1 个月已核定、尚未到缴费期限');
      expect(await pending.innerText()).toContain('2026-12-15');
      expect(await pending.innerText()).toContain(formatPeriod(billed!, 'zh-CN'));
      expect(await pending.innerText()).not.toContain(formatPeriod(late!, 'zh-CN'));
      await screenshot(page, 'person-dashboard-owed.zh-CN');
      // The record page marks the billed month as not yet due, the late one as owed.
      await openPage(page, baseUrl, '/person/record');
      const rowOf = (period: string) =>
        page
          .locator('.person-record-table tbody tr')
          .filter({ hasText: formatPeriod(period, 'zh-CN') })
          .first();
      await rowOf(billed!).waitFor();
      expect(await rowOf(billed!).innerText()).toContain('未到缴费期限（2026-12-15 前缴纳）');
      expect(await rowOf(late!).innerText()).toContain('欠缴');
      expect(await rowOf(late!).innerText()).not.toContain('未到缴费期限');

      const english = await browser('en-US');
      await logInPerson(english, baseUrl, person);
      await english.route(/\/api\/persons\/\d+\/rights-record(\?.*)?$/, (route) =>
        route.fulfill({ json: record }),
      );
      await openPage(english, baseUrl, '/person');
      await english.getByTestId('alert-overdue').waitFor();
      expect(await english.getByTestId('alert-overdue').innerText()).toContain('1 months overdue');
      expect(await english.getByTestId('alert-pending').innerText()).toContain(
        'pay by the due date, 2026-12-15',
      );
    });

    it('issues a rights statement whose PDF downloads and whose code verifies as valid', async () => {
      const page = await browser('zh-CN');
      await logInPerson(page, baseUrl, person);
      await openPage(page, baseUrl, '/person/statements');
      expect(await page.locator('h1').innerText()).toBe('权益记录单与参保证明');
      // The code is the one this click issued: the list may already hold other statements of the person
      // (the yearly statement, a certificate another test issued), newest first once the list refreshes.
      const [response] = await Promise.all([
        page.waitForResponse(
          (reply) =>
            reply.request().method() === 'POST' && /\/api\/persons\/\d+\/statements$/.test(reply.url()),
        ),
        page.locator('form[id="rights-statement"] button[type="submit"]').click(),
      ]);
      const code = ((await response.json()) as { code: string }).code;
      const issued = page.locator(`.person-issued[data-code="${code}"]`);
      await issued.waitFor();
      expect(await issued.innerText()).toContain('个人权益记录单');
      for (const lang of ['zh', 'en']) {
        const href = `/api/statements/${code}.pdf?lang=${lang}`;
        expect(await issued.locator(`a[href="${href}"]`).count()).toBe(1);
        const pdf = await page.request.get(`${baseUrl}${href}`);
        expect(pdf.status()).toBe(200);
        expect(pdf.headers()['content-type']).toBe('application/pdf');
        expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      }
      await screenshot(page, 'person-statements.zh-CN');
      expect(await issued.locator(`a[href="/verify/${code}"]`).count()).toBe(1);
      // The link opens the agency's verification page, rendered by the server for anyone holding the code.
      await page.goto(`${baseUrl}/verify/${code}`);
      await expect
        .poll(() => page.locator('body').innerText(), { timeout: 15_000 })
        .toContain('有效：本文件由本经办机构出具');
      expect(await page.locator('body').innerText()).toContain(code);
      await screenshot(page, 'person-verify.zh-CN');
      // What the QR link's page certifies, in the reader's language (?lang= picks the other one).
      const certified = async () => {
        const section = page.locator('main > section').first();
        return [...(await section.locator('td').allInnerTexts()), await section.locator('h2').innerText()];
      };
      const chineseContent = await certified();
      await page.goto(`${baseUrl}/verify/${code}?lang=en`);
      const englishContent = await certified();
      expect(englishContent).not.toEqual(chineseContent);
      expect(chineseContent).toContain(person.name);
      // The app's own verification form gives the same answer for the typed code, and the same content.
      const showsTheSameContent = async (on: Page, input: string, expected: string[]) => {
        await on.goto(`${baseUrl}/verify`);
        await on.getByLabel(input).fill(code);
        await on.getByLabel(input).press('Enter');
        await on.locator('.verify-result[data-state="valid"]').waitFor();
        const shown = await on.locator('.verify-statement').innerText();
        for (const text of expected) expect(shown).toContain(text.replace(/ \(NOT CERTIFIED.*$/, ''));
      };
      await showsTheSameContent(page, '验证码', chineseContent);
      await screenshot(page, 'person-verify-typed.zh-CN');

      // Signed in again elsewhere, the statement issued earlier is still listed: it is the person's.
      const english = await browser('en-US');
      await logInPerson(english, baseUrl, person);
      await openPage(english, baseUrl, '/person/statements');
      await english.locator(`.person-issued[data-code="${code}"]`).waitFor();
      expect(await english.locator(`.person-issued[data-code="${code}"]`).innerText()).toContain(
        'Personal rights statement',
      );
      const [certificateReply] = await Promise.all([
        english.waitForResponse(
          (reply) =>
            reply.request().method() === 'POST' && /\/api\/persons\/\d+\/statements$/.test(reply.url()),
        ),
        english.locator('form[id="certificate"] button[type="submit"]').click(),
      ]);
      const certificateCode = ((await certificateReply.json()) as { code: string }).code;
      expect(certificateCode).not.toBe(code);
      const certificate = english.locator(`.person-issued[data-code="${certificateCode}"]`);
      await certificate.waitFor();
      expect(await certificate.innerText()).toContain('Contribution certificate');
      await screenshot(english, 'person-statements.en');
      for (const [on, name] of [
        [page, 'zh-CN'],
        [english, 'en'],
      ] as const) {
        await on.setViewportSize({ width: 390, height: 844 });
        await openPage(on, baseUrl, '/person/statements');
        await on.locator(`.person-issued[data-code="${code}"]`).waitFor();
        expect(await fitsTheWidth(on)).toBe(true);
        await screenshot(on, `person-statements.phone.${name}`);
      }
      await showsTheSameContent(english, 'Verification code', englishContent);
      expect(await fitsTheWidth(english)).toBe(true);
      await screenshot(english, 'person-verify-typed.phone.en');
    }, 150_000);

    it('says which staff looked at the record, when and what for, in the reader’s words', async () => {
      const page = await browser('zh-CN');
      await logInPerson(page, baseUrl, person);
      await openPage(page, baseUrl, '/person/access-log');
      expect(await page.locator('h1').innerText()).toBe('谁查询过我的记录');
      // The administrator read this person's record in beforeAll.
      const row = page.locator('.person-access-table tbody tr').filter({ hasText: '经办机构' }).first();
      await row.waitFor();
      // Who by name and what for, never the server's labels or routes.
      expect(await row.innerText()).toContain('系统管理员');
      expect(await row.innerText()).toMatch(/个人参保信息|个人权益记录/);
      expect(await row.innerText()).not.toMatch(/GET \/api|staff:admin|agency staff/);
      await screenshot(page, 'person-access-log.zh-CN');
      const english = await browser('en-US');
      await logInPerson(english, baseUrl, person);
      await openPage(english, baseUrl, '/person/access-log');
      await english.locator('.person-access-table tbody tr').filter({ hasText: 'Agency' }).first().waitFor();
      await screenshot(english, 'person-access-log.en');
    });

    it('lets a flexible worker change the grade, see the month’s amount, pay and get the receipt', async () => {
      const page = await browser('zh-CN');
      await logInPerson(page, baseUrl, flexible);
      await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: '灵活就业缴费' })
        .click();
      await page.locator('h1', { hasText: '灵活就业缴费' }).waitFor();
      await page.getByRole('heading', { level: 2, name: '待缴费用' }).waitFor();
      await screenshot(page, 'person-flexible.zh-CN');

      // The amount at 200% as the server quotes it (the same rules as the monthly assessment).
      const quote = await page.request.get(
        `${baseUrl}/api/persons/${flexible.id}/flexible-contribution?gradePpm=2000000`,
      );
      const quotedFen = ((await quote.json()) as { quote: { totalFen: number } }).quote.totalFen;
      await page.locator('#flexible-grade').click();
      await page
        .locator('.ant-select-item-option')
        .filter({ hasText: /^平均工资的 200%$/ })
        .click();
      await expect
        .poll(() => page.getByTestId('quote-total').innerText(), { timeout: 15_000 })
        .toBe(formatYuan(quotedFen));
      await page.getByRole('button', { name: '确认调整为 200%' }).click();
      await page.getByRole('status').filter({ hasText: '已调整' }).waitFor();
      expect(await page.getByRole('status').filter({ hasText: '已调整' }).innerText()).toContain(
        formatYuan(quotedFen),
      );
      await expect
        .poll(() => page.getByTestId('next-grade').innerText(), { timeout: 15_000 })
        .toContain('200%');

      // The amount offered is the server's quote for today, late fees to today included: paying exactly it
      // leaves nothing open (no late fee billed on top).
      const amount = page.getByLabel('缴费金额（元）');
      const paidFen = parseYuanToFen((await amount.inputValue()) || '0');
      const quoted = await page.request.get(`${baseUrl}/api/persons/${flexible.id}/payment-quote`);
      expect(paidFen).toBe(((await quoted.json()) as { amountFen: number }).amountFen);
      expect(paidFen).toBeGreaterThan(0);
      await page.getByRole('button', { name: '确认缴费' }).click();
      await page.waitForURL(/\/person\/receipts\/PAY\d{8}/, { timeout: 30_000 });
      await page.locator('h1', { hasText: '缴费回单' }).waitFor();
      expect(await page.getByTestId('receipt-amount').innerText()).toBe(formatYuan(paidFen));
      const paymentNo = await page.getByTestId('payment-no').innerText();
      await screenshot(page, 'person-receipt.zh-CN');

      await openPage(page, baseUrl, '/person/flexible');
      await page.getByText('没有待缴费用。').waitFor();
      await page.setViewportSize({ width: 390, height: 844 });
      await openPage(page, baseUrl, '/person/flexible');
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'person-flexible.phone.zh-CN');

      const english = await browser('en-US');
      await logInPerson(english, baseUrl, flexible);
      await openPage(english, baseUrl, '/person/flexible');
      await english.getByText('Nothing to pay.').waitFor();
      await screenshot(english, 'person-flexible.en');
      await english.getByRole('link', { name: `Receipt ${paymentNo}` }).click();
      await english.locator('h1', { hasText: 'Payment receipt' }).waitFor();
      await english.getByTestId('payment-no').waitFor();
      await screenshot(english, 'person-receipt.en');
    });
  },
);
