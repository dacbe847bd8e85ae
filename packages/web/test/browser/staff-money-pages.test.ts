import { makeCreditCode } from '@shebao/domain';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { calendarText, englishShortMonth, pickDate, shiftDay, typeDate } from './date-picker.ts';
import { screenshot, startBrowser, testServers, type BrowserSession } from './harness.ts';

const environment = inject('browserTests');
const servers = testServers(environment);

// The demo region's collection officer (README), region 110000.
const DEMO_PASSWORD = 'shebao-demo-2025';

interface ArrearsItem {
  payer: { kind: string; code: string; name: string; employerId: number | null };
  overdueFen: number;
}

/** Signs the demo collection officer in through the staff login form. */
async function signIn(session: BrowserSession, baseUrl: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`${baseUrl}/login/staff?next=${encodeURIComponent('/staff')}`);
  await page.locator('#login-staff_userName').fill('collector');
  await page.locator('#login-staff_password').fill(DEMO_PASSWORD);
  await page.locator('#login-staff_password').press('Enter');
  await page.waitForURL((url) => url.pathname === '/staff');
  return page;
}

/** A demo employer with overdue bills, read as the page reads it (the session cookie goes along). */
async function employerInArrears(page: Page, baseUrl: string, today: string): Promise<ArrearsItem> {
  const reply = await page.request.get(`${baseUrl}/api/regions/110000/arrears?asOf=${today}&limit=200`);
  expect(reply.status()).toBe(200);
  const items = (await reply.json()).items as ArrearsItem[];
  const employer = items.find((item) => item.payer.kind === 'employer');
  if (!employer) throw new Error('the demo region has no employer in arrears');
  return employer;
}

describe.skipIf(environment.skipped !== undefined).each(servers)(
  "the agency's money pages, server on $database",
  (server) => {
    const baseUrl = server.baseUrl;
    const today = environment.today;
    // Unique per run and per server, so repeated runs against one demo server never collide.
    // Digits in every reference: a code, not a word, to the Chinese walk that may run after this file.
    const stamp = `${server.database}-${Date.now()}`;
    let chinese: BrowserSession;
    let english: BrowserSession;
    let page: Page;
    let employer: ArrearsItem;

    beforeAll(async () => {
      chinese = await startBrowser(environment.chromiumPath!, 'zh-CN');
      english = await startBrowser(environment.chromiumPath!, 'en-US');
      page = await signIn(chinese, baseUrl);
      employer = await employerInArrears(page, baseUrl, today);
    });
    afterAll(async () => {
      await chinese?.close();
      await english?.close();
    });

    it('imports a statement: the booked, the malformed and the unmatched line each shown', async () => {
      const unknownCompany = makeCreditCode('110105', 90_000_000 + (Date.now() % 9_999_999));
      const csv = [
        'bank_reference,payer_code,payer_name,amount,paid_on',
        `${stamp}-GOOD,${employer.payer.code},${employer.payer.name},100.00,${today}`,
        `${stamp}-BAD,${employer.payer.code},${employer.payer.name},12x.5,${today}`,
        `${stamp}-UNKNOWN,${unknownCompany},未登记的公司,55.00,${today}`,
      ].join('\n');
      await page.goto(`${baseUrl}/staff/bank`);
      await page.getByRole('heading', { level: 1, name: '银行对账单导入' }).waitFor();
      await page.getByLabel('对账单文件').setInputFiles({
        name: `statement-${stamp}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8'),
      });
      await page.getByRole('button', { name: /导\s*入/ }).click();
      await page.getByRole('heading', { level: 2, name: `导入结果：statement-${stamp}.csv` }).waitFor();

      const rowsOf = (id: string) => page.getByTestId(id).locator('tbody tr.ant-table-row');
      await expect.poll(() => rowsOf('import-matched').count()).toBe(1);
      expect(await rowsOf('import-matched').first().innerText()).toMatch(/^2\s+\S+/);
      expect(await rowsOf('import-invalid').count()).toBe(1);
      const invalid = await rowsOf('import-invalid').first().innerText();
      expect(invalid).toMatch(/^3\s/);
      expect(invalid).toContain('金额');
      expect(await rowsOf('import-unmatched').count()).toBe(1);
      const unmatched = await rowsOf('import-unmatched').first().innerText();
      expect(unmatched).toMatch(/^4\s/);
      expect(unmatched).toContain(unknownCompany);
      await screenshot(page, 'staff-bank.zh-CN');
    });

    it('offers a sample file that imports as it says: one transfer booked, one waiting for review', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载示例文件' }).click(),
      ]);
      const name = download.suggestedFilename();
      expect(name).toMatch(/^sample-statement-\w+\.csv$/);
      const buffer = await readFile((await download.path())!);
      expect(buffer.toString('utf8')).toContain(employer.payer.code);
      await page.getByLabel('对账单文件').setInputFiles({ name, mimeType: 'text/csv', buffer });
      await page.getByRole('button', { name: /导\s*入/ }).click();
      await page.getByRole('heading', { level: 2, name: `导入结果：${name}` }).waitFor();
      const rowsOf = (id: string) => page.getByTestId(id).locator('tbody tr.ant-table-row');
      expect(await rowsOf('import-matched').count()).toBe(1);
      expect(await rowsOf('import-invalid').count()).toBe(0);
      expect(await rowsOf('import-unmatched').count()).toBe(1);
    });

    it('resolves the unmatched line to the employer and opens the receipt of the payment it booked', async () => {
      await page.getByRole('button', { name: `指定缴费人 ${stamp}-UNKNOWN` }).click();
      const dialog = page.getByRole('dialog');
      const payerCode = dialog.getByLabel('信用代码 / 身份号码');
      // The field takes focus once the dialog has opened and its form is mounted: typing before that may
      // be lost when the form sets its initial value.
      await expect.poll(() => payerCode.evaluate((input) => input === document.activeElement)).toBe(true);
      await payerCode.fill(employer.payer.code);
      await expect.poll(() => payerCode.inputValue()).toBe(employer.payer.code);
      await dialog.getByRole('button', { name: '确认入账' }).click();
      const done = page.getByRole('status').filter({ hasText: `${stamp}-UNKNOWN` });
      await done.waitFor();
      const paymentNo = /缴费 (\S+) 入账/.exec(await done.innerText())?.[1];
      expect(paymentNo).toBeTruthy();
      await expect
        .poll(() => page.getByRole('button', { name: `指定缴费人 ${stamp}-UNKNOWN` }).count())
        .toBe(0);

      await done.getByRole('link', { name: '查看回单' }).click();
      await page.getByRole('heading', { level: 1, name: `缴费回单 ${paymentNo}` }).waitFor();
      await expect.poll(() => page.locator('main').innerText()).toContain('¥55.00');
      // The money paid the employer's oldest open bill.
      expect(await page.locator('main tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    });

    it('lists the imported payment among the region’s payments, records one by hand, and opens receipts', async () => {
      await page.goto(`${baseUrl}/staff/payments`);
      await page.getByRole('heading', { level: 1, name: '缴费记录' }).waitFor();
      const imported = page.locator('tbody tr.ant-table-row').filter({ hasText: `${stamp}-GOOD` });
      await imported.waitFor();
      expect(await imported.innerText()).toContain('¥100.00');
      expect(await imported.innerText()).toContain(employer.payer.name);

      await page.getByLabel('信用代码 / 身份号码').fill(employer.payer.code);
      await page.getByLabel('金额').fill('abc');
      await page.getByLabel('到账日期').focus();
      await page.getByText('金额格式不正确').waitFor();
      await page.getByLabel('金额').fill('1,234.5');
      // The day the money arrived: today by the agency's clock unless picked; never a day after it, which
      // the calendar refuses (SHEBAO_TODAY, not the test machine's date, is today here).
      const paidOn = page.getByLabel('到账日期');
      expect(await paidOn.inputValue()).toBe(today);
      expect(await typeDate(paidOn, shiftDay(today, 1))).toBe(today);
      const arrived = shiftDay(today, -2);
      await pickDate(paidOn, arrived);
      await page.getByLabel('银行流水号').fill(`${stamp}-HAND`);
      await page.getByRole('button', { name: /登\s*记/ }).click();
      const recorded = page.getByRole('status').filter({ hasText: '¥1,234.50' });
      await recorded.waitFor();
      const paymentNo = /已登记缴费 (\S+)，/.exec(await recorded.innerText())?.[1];
      expect(paymentNo).toBeTruthy();
      await page
        .locator('tbody tr.ant-table-row')
        .filter({ hasText: `${stamp}-HAND` })
        .waitFor();
      await screenshot(page, 'staff-payments.zh-CN');

      await page.getByRole('link', { name: `查看回单 ${paymentNo}` }).click();
      await page.getByRole('heading', { level: 1, name: `缴费回单 ${paymentNo}` }).waitFor();
      await expect.poll(() => page.locator('main').innerText()).toContain(`${stamp}-HAND`);
      expect(await page.locator('main').innerText()).toContain(arrived);
      // Opened from the list, the receipt names the payer as the list did.
      expect(await page.locator('main').innerText()).toContain(employer.payer.name);
      await screenshot(page, 'staff-receipt.zh-CN');
    });

    it('shows the region’s arrears with days overdue and the running late fee, linked to the employer', async () => {
      await page.goto(`${baseUrl}/staff/arrears`);
      await page.getByRole('heading', { level: 1, name: '欠费与滞纳金' }).waitFor();
      const row = page.locator('tbody tr.ant-table-row').filter({ hasText: employer.payer.code });
      await row.waitFor();
      // The calendar of the day the arrears are counted to speaks Chinese.
      const asOf = page.getByLabel('计算日期');
      const calendar = await calendarText(asOf);
      expect(calendar).toContain(`${Number(today.slice(5, 7))}月`);
      expect(calendar.split(/\s+/).slice(0, 9)).toEqual(expect.arrayContaining(['一', '日']));
      expect(calendar).not.toMatch(/Mo|Su|Today/);
      const cells = await row.locator('td').allInnerTexts();
      // Overdue amount, then days overdue (a whole number above zero).
      expect(cells[1]).toMatch(/^¥[\d,]+\.\d\d$/);
      expect(Number(cells[2])).toBeGreaterThan(0);
      expect(cells[5]).toMatch(/^¥[\d,]+\.\d\d$/);
      await screenshot(page, 'staff-arrears.zh-CN');

      // Counted to a later day: the list is asked for again as of that day; then back to today.
      const later = shiftDay(today, 40);
      const asked = page.waitForRequest((request) => request.url().includes(`asOf=${later}`));
      await pickDate(asOf, later);
      await page.getByRole('button', { name: /^查\s*询$/ }).click();
      await asked;
      await expect.poll(() => page.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
      await pickDate(asOf, today);
      await page.getByRole('button', { name: /^查\s*询$/ }).click();
      await row.waitFor();
      await row.getByRole('link', { name: employer.payer.name }).click();
      await page.getByRole('heading', { level: 1, name: employer.payer.name }).waitFor();
      await expect.poll(() => page.locator('main tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    });

    it('draws the fund dashboard: balances and 24 months of income, as charts and as tables', async () => {
      await page.goto(`${baseUrl}/staff/funds`);
      await page.getByRole('heading', { level: 1, name: '基金收支' }).waitFor();
      const charts = page.locator('.money-chart svg');
      // The income query groups two years of the journal: give it time on a slow machine.
      await expect.poll(() => charts.count(), { timeout: 20_000 }).toBe(2);
      // ECharts drew bars and lines (paths) into both.
      expect(await charts.nth(0).locator('path').count()).toBeGreaterThan(4);
      expect(await charts.nth(1).locator('path').count()).toBeGreaterThan(4);
      const tables = page.locator('.money-figures');
      expect(await tables.count()).toBe(2);
      expect(await tables.nth(0).innerText()).toContain('养老保险');
      expect(await tables.nth(1).locator('tbody tr.ant-table-row').count()).toBe(24);
      await screenshot(page, 'staff-funds.zh-CN');
    });

    it('shows the same pages in English', async () => {
      const en = await signIn(english, baseUrl);
      const pages: [string, string, string][] = [
        ['/staff/payments', 'Payments', 'staff-payments.en'],
        ['/staff/bank', 'Bank statement import', 'staff-bank.en'],
        ['/staff/arrears', 'Arrears and late fees', 'staff-arrears.en'],
        ['/staff/funds', 'Funds', 'staff-funds.en'],
      ];
      for (const [path, title, name] of pages) {
        await en.goto(`${baseUrl}${path}`);
        await en.getByRole('heading', { level: 1, name: title }).waitFor();
        await en.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
        if (path === '/staff/payments') {
          const calendar = await calendarText(en.getByLabel('Paid on'));
          expect(calendar).toContain(englishShortMonth(today));
          expect(calendar.split(/\s+/).slice(0, 9)).toEqual(expect.arrayContaining(['Su', 'Mo']));
          expect(calendar).not.toMatch(/[一二三四五六日月年]/);
        }
        if (path === '/staff/funds')
          await expect.poll(() => en.locator('.money-chart svg').count(), { timeout: 20_000 }).toBe(2);
        expect(await en.locator('main').innerText()).not.toMatch(/staffMoneyPages\./);
        await screenshot(en, name);
      }
      await en.close();
    });
  },
);
