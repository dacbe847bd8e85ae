import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatPeriod, formatYuan } from '../../src/shell/format.ts';
import { DEMO_PASSWORD, demoCreditCode, uniqueIdNumber, workbook, XLSX } from './demo-data.ts';
import { calendarText, englishShortMonth, pickDate, shiftDay, shiftMonth, typeDate } from './date-picker.ts';
import { screenshot, startBrowser, testServers, type BrowserSession } from './harness.ts';

const environment = inject('browserTests');
const servers = testServers(environment);

describe.skipIf(environment.skipped !== undefined).each(servers)(
  "the employer's pages, server on $database",
  (server) => {
    const baseUrl = server.baseUrl;
    let creditCode: string;
    let chinese: BrowserSession;
    let english: BrowserSession;

    beforeAll(async () => {
      creditCode = await demoCreditCode(baseUrl);
      chinese = await startBrowser(environment.chromiumPath!, 'zh-CN');
      english = await startBrowser(environment.chromiumPath!, 'en-US');
    });
    afterAll(async () => {
      await chinese?.close();
      await english?.close();
    });

    async function signIn(session: BrowserSession, next: string): Promise<Page> {
      const page = await session.context.newPage();
      await page.goto(`${baseUrl}/login/employer?next=${encodeURIComponent(next)}`);
      await page.locator('#login-employer_creditCode').fill(creditCode);
      await page.locator('#login-employer_userName').fill('finance');
      await page.locator('#login-employer_password').fill(DEMO_PASSWORD);
      await page.locator('#login-employer_password').press('Enter');
      await expect.poll(() => new URL(page.url()).pathname, { timeout: 10_000 }).toBe(next);
      return page;
    }

    const heading = (page: Page) => page.locator('h1').first().innerText();

    /** Hires through the API with the page's session, as the form does (for the second employee). */
    async function hireByApi(page: Page, body: Record<string, unknown>): Promise<number> {
      return page.evaluate(async (payload) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const response = await fetch('/api/hires', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify(payload),
        });
        return response.status;
      }, body);
    }

    it('adds a new employee, declares bases from an .xlsx file (refused, fixed, applied), opens bills, receipts and arrears', async () => {
      const page = await signIn(chinese, '/employer/staff');
      await page.getByRole('heading', { level: 1, name: '员工' }).waitFor();
      await page.getByRole('table', { name: '员工名单' }).waitFor();
      const employerId = await page.evaluate(async () => {
        const me = (await (await fetch('/api/auth/me')).json()) as { employerId: number };
        return me.employerId;
      });

      // A person never insured before: the one form registers and hires them.
      const first = uniqueIdNumber();
      const suffix = first.slice(-4);
      const firstName = `测试员工${suffix}`;
      await page.getByRole('button', { name: '增员（新员工入职）' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('身份证号码').fill(`${first.slice(0, 17)}${first[17] === '0' ? '1' : '0'}`);
      await expect.poll(() => dialog.locator('#hire_idNumber_help').innerText()).toContain('校验');
      await dialog.getByLabel('身份证号码').fill(first);
      await expect.poll(() => dialog.locator('#hire_idNumber_help').innerText()).toContain('号码有效');
      await dialog.getByLabel('姓名').fill(firstName);
      await dialog.getByLabel('首月工资').fill('9000.00');
      // The hire date on Ant Design's calendar, in Chinese whatever the browser's own language: the
      // month's name, the weekdays from Monday, and no "today" button reading the computer's clock.
      const hireDate = dialog.getByLabel('入职日期');
      expect(await hireDate.inputValue()).toBe(environment.today);
      const calendar = await calendarText(hireDate);
      expect(calendar).toContain(`${environment.today.slice(0, 4)}年`);
      expect(calendar).toContain(`${Number(environment.today.slice(5, 7))}月`);
      expect(calendar.split(/\s+/).slice(0, 9)).toEqual(expect.arrayContaining(['一', '二', '六', '日']));
      expect(calendar).not.toMatch(/Mo|Su|Today|今天|[A-Z][a-z]{2}\d/);
      const hiredOn = shiftDay(environment.today, -3);
      await pickDate(hireDate, hiredOn);
      await screenshot(page, 'employer-hire.zh-CN');
      await dialog.getByRole('button', { name: '确认增员' }).click();
      await expect.poll(() => dialog.getByRole('status').innerText()).toContain('已同时办理参保登记');
      // The day picked is the day the server registered.
      expect(await dialog.getByRole('status').innerText()).toContain(`入职日期 ${hiredOn}`);
      // Ant Design spaces out a two-character Chinese label ("返 回").
      await dialog.getByRole('button', { name: /^返\s*回$/ }).click();
      // The list runs in order of hiring: the new employee is on the last page.
      const staffTable = page.getByRole('table', { name: '员工名单' });
      const nextPage = page.getByRole('button', { name: '下一页' });
      while ((await nextPage.count()) > 0 && (await nextPage.isEnabled())) {
        const before = await staffTable.innerText();
        await nextPage.click();
        await expect.poll(() => staffTable.innerText()).not.toBe(before);
      }
      await expect.poll(() => staffTable.innerText()).toContain(firstName);
      expect(await staffTable.locator('tbody tr').filter({ hasText: firstName }).innerText()).toContain(
        hiredOn,
      );
      // Leaving: the last day employed is not before the hire date; the picker refuses one typed earlier.
      await page.getByRole('button', { name: `为 ${firstName} 办理减员` }).click();
      const leaving = page.getByRole('dialog');
      const leftOn = leaving.getByLabel('离职日期（最后工作日）');
      expect(await leftOn.inputValue()).toBe(environment.today);
      expect(await typeDate(leftOn, shiftDay(hiredOn, -1))).toBe(environment.today);
      await pickDate(leftOn, hiredOn);
      await leaving.getByRole('button', { name: /^返\s*回$/ }).click();
      await leaving.waitFor({ state: 'hidden' });
      // Identity numbers are masked in the list.
      const listed = await page.getByRole('table', { name: '员工名单' }).innerText();
      expect(listed).not.toContain(first);
      await screenshot(page, 'employer-staff.zh-CN');

      const second = uniqueIdNumber();
      const secondName = `测试员工${second.slice(-4)}乙`;
      const today = environment.today;
      expect(
        await hireByApi(page, {
          employerId,
          idNumber: second,
          name: secondName,
          hukouType: 'rural',
          hukouRegionCode: '110105',
          hiredOn: today,
          monthlyWageFen: 700_000,
        }),
      ).toBe(201);

      // The base file: one bad amount refuses the whole file, and nothing changes.
      await page.getByRole('link', { name: '缴费基数' }).click();
      await page.getByRole('heading', { level: 1, name: '缴费基数申报' }).waitFor();
      const declared = page.getByRole('table', { name: '本年度已申报基数' });
      await expect.poll(() => declared.innerText()).toContain(firstName);
      const firstRow = declared.locator('tbody tr').filter({ hasText: firstName });
      expect(await firstRow.innerText()).toContain('¥9,000.00');
      const bad = await workbook([
        ['id-number', 'name', 'declared'],
        [first, firstName, '9500.00'],
        [second, secondName, '88OO.50'],
      ]);
      await page
        .getByLabel('选择文件（.xlsx 或 .csv）')
        .setInputFiles({ name: 'bases.xlsx', mimeType: XLSX, buffer: bad });
      await page.getByRole('button', { name: '检查并申报' }).click();
      const errors = page.getByRole('table', { name: '文件中的错误' });
      await errors.waitFor();
      const errorRows = errors.locator('tbody tr');
      expect(await errorRows.count()).toBe(1);
      const errorText = await errorRows.first().innerText();
      expect(errorText).toContain('3');
      expect(errorText).toContain('申报基数');
      expect(errorText).toContain('不是有效金额');
      expect(await page.getByRole('alert').filter({ hasText: '未申报任何一行' }).count()).toBe(1);
      await screenshot(page, 'employer-bases-errors.zh-CN');
      await page.reload();
      await expect.poll(() => declared.innerText()).toContain(firstName);
      // The employee's row still has the first month's wage: the refused file applied nothing.
      expect(await firstRow.innerText()).not.toContain('¥9,500.00');

      // Fixed and uploaded again: checked first, then applied.
      const fixed = await workbook([
        ['id-number', 'name', 'declared'],
        [first, firstName, '9500.00'],
        [second, secondName, '8800.50'],
      ]);
      const fileInput = page.getByLabel('选择文件（.xlsx 或 .csv）');
      await fileInput.setInputFiles({ name: 'bases-fixed.xlsx', mimeType: XLSX, buffer: fixed });
      await page.getByRole('button', { name: '仅检查' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: '文件无误' }).count()).toBe(1);
      await page.getByRole('button', { name: '检查并申报' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: '已申报 2 名员工' }).count())
        .toBe(1);
      await expect.poll(() => firstRow.first().innerText()).toContain('¥9,500.00');
      expect(
        await declared.locator('tbody tr').filter({ hasText: secondName }).first().innerText(),
      ).toContain('¥8,800.50');
      await screenshot(page, 'employer-bases.zh-CN');

      // The month picker names the months in Chinese, and in English once the language is switched.
      const yearOf = page.getByLabel('选择年度（任一月份）');
      expect((await calendarText(yearOf)).split(/\s+/)).toEqual(expect.arrayContaining(['1月', '12月']));
      await page.getByRole('button', { name: 'Switch the language to English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Contribution base declaration' }).waitFor();
      const inEnglish = await calendarText(page.getByLabel('Year containing the month'));
      expect(inEnglish.split(/\s+/)).toEqual(expect.arrayContaining(['Jan', 'Dec']));
      expect(inEnglish).not.toContain('月');
      await page.getByRole('button', { name: '切换为中文' }).click();
      await page.getByRole('heading', { level: 1, name: '缴费基数申报' }).waitFor();

      // A monthly bill, its lines per employee and the Art. 60 details.
      await page.getByRole('link', { name: '账单', exact: true }).click();
      const bills = page.getByRole('table', { name: '账单列表' });
      await bills.waitFor();
      const chart = page.getByRole('img', { name: /各月社会保险费柱状图/ });
      await chart.locator('canvas').waitFor();
      await screenshot(page, 'employer-bills.zh-CN');
      await bills.locator('tbody tr').filter({ hasText: '月度账单' }).first().getByRole('link').click();
      await page.getByRole('heading', { level: 2, name: '员工明细' }).waitFor();
      const details = page.getByRole('table', { name: '员工月度缴费明细（告知员工用）' });
      await details.waitFor();
      expect(await details.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await details.innerText()).toMatch(/110\d{3}\*+\d{3}[\dX]/);
      await screenshot(page, 'employer-bill.zh-CN');

      // Payments and one receipt.
      await page.getByRole('link', { name: '缴款与回单' }).click();
      const payments = page.getByRole('table', { name: '缴款列表' });
      await payments.waitFor();
      await screenshot(page, 'employer-payments.zh-CN');
      await payments.getByRole('link').first().click();
      await page.getByRole('heading', { level: 2, name: '冲抵的账单' }).waitFor();
      expect(await heading(page)).toMatch(/^缴款回单 /);
      await screenshot(page, 'employer-receipt.zh-CN');

      // Arrears: the figures, whatever this employer owes today.
      await page.getByRole('link', { name: '欠费与滞纳金' }).click();
      await page.getByText('欠缴社会保险费').waitFor();
      expect(await page.getByText('正在产生的滞纳金').count()).toBe(1);
      await screenshot(page, 'employer-arrears.zh-CN');
      // Another day: the figures are asked for as of the day picked.
      const later = shiftDay(environment.today, 45);
      const asked = page.waitForRequest((request) => request.url().includes(`asOf=${later}`));
      await pickDate(page.getByLabel('计算日期'), later);
      await asked;
      await page.getByText('欠缴社会保险费').waitFor();
      await page.close();
      // Many pages, each signed-in step on a shared two-core machine: more than the default minute.
    }, 150_000);

    /**
     * How a wide table lies on the page: whether any name breaks over lines, and whether the rightmost
     * column can be brought into view (scrolled to the end of the table's own box) without the page
     * itself overflowing the window, with the name column still in view.
     */
    function tableLayout(page: Page, name: string) {
      return page.getByRole('table', { name }).evaluate((table) => {
        const box = table.closest('.ant-table-content, .ant-table-body') ?? table.parentElement!;
        box.scrollLeft = box.scrollWidth;
        const lines = (cell: Element) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size;
        };
        const names = Array.from(table.querySelectorAll('tbody tr.ant-table-row > td:first-child'));
        const headers = Array.from(table.querySelectorAll('thead th'));
        const last = headers[headers.length - 1]!.getBoundingClientRect();
        const first = headers[0]!.getBoundingClientRect();
        return {
          names: names.length,
          brokenNames: names.filter((cell) => lines(cell) > 1).map((cell) => cell.textContent),
          lastColumnInView: last.right <= window.innerWidth + 1 && last.left >= 0,
          nameColumnInView: first.left >= 0 && first.right <= window.innerWidth,
          pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
    }

    it("shows the monthly details and a bill's lines readably at 1,400 px and on a 390 px phone", async () => {
      for (const [session, language, bills, monthly, details, lines] of [
        [chinese, 'zh-CN', '账单列表', '月度账单', '员工月度缴费明细（告知员工用）', '员工明细'],
        [
          english,
          'en',
          'Bills',
          'Monthly bill',
          "Employees' monthly details (to tell each employee)",
          'Lines per employee',
        ],
      ] as const) {
        const page = await signIn(session, '/employer/bills');
        const list = page.getByRole('table', { name: bills });
        await list.waitFor();
        await list.locator('tbody tr').filter({ hasText: monthly }).first().getByRole('link').click();
        for (const width of [1400, 390]) {
          await page.setViewportSize({ width, height: 900 });
          await page
            .getByRole('table', { name: details })
            .locator('tbody tr.ant-table-row')
            .first()
            .waitFor();
          for (const table of [details, lines]) {
            const layout = await tableLayout(page, table);
            expect(layout.names, table).toBeGreaterThan(0);
            expect(layout.brokenNames, `${table} at ${width} px`).toEqual([]);
            expect(layout.lastColumnInView, `${table} at ${width} px`).toBe(true);
            expect(layout.nameColumnInView, `${table} at ${width} px`).toBe(true);
            expect(layout.pageOverflow, `${table} at ${width} px`).toBeLessThanOrEqual(0);
          }
          await screenshot(page, `employer-bill-${width}.${language}`);
        }
        await page.close();
      }
    });

    it('shows the same pages in English', async () => {
      const page = await signIn(english, '/employer/staff');
      await page.getByRole('heading', { level: 1, name: 'Staff' }).waitFor();
      await page.getByRole('table', { name: 'Staff list' }).waitFor();
      await screenshot(page, 'employer-staff.en');
      await page.getByRole('button', { name: 'Add an employee (hire)' }).click();
      await page.getByRole('dialog').getByLabel('Identity number').fill('110105');
      // The calendar in English: the month's short name, the weekdays from Sunday.
      const calendar = await calendarText(page.getByRole('dialog').getByLabel('Hire date'));
      expect(calendar).toContain(englishShortMonth(environment.today));
      expect(calendar.split(/\s+/).slice(0, 9)).toEqual(expect.arrayContaining(['Su', 'Mo', 'Sa']));
      expect(calendar).not.toMatch(/[一二三四五六日月年]/);
      await screenshot(page, 'employer-hire.en');
      await page.getByRole('dialog').getByRole('button', { name: 'Back' }).click();

      await page.getByRole('link', { name: 'Contribution bases' }).click();
      await page.getByRole('table', { name: 'Bases declared this year' }).waitFor();
      await page.getByLabel('Choose a file (.xlsx or .csv)').setInputFiles({
        name: 'bases.xlsx',
        mimeType: XLSX,
        buffer: await workbook([
          ['id-number', 'declared'],
          [uniqueIdNumber(), '7000'],
        ]),
      });
      await page.getByRole('button', { name: 'Check only' }).click();
      const errors = page.getByRole('table', { name: 'Errors in the file' });
      await errors.waitFor();
      expect(await errors.innerText()).toContain('No insured person has this identity number');
      await screenshot(page, 'employer-bases.en');
      // A month a year back shows that month's contribution year; the monthly declaration offers the
      // month picked.
      const yearHeading = page.getByRole('heading', { level: 2, name: /^Contribution year/ });
      const thisYear = await yearHeading.innerText();
      const thisMonth = environment.today.slice(0, 7);
      await pickDate(page.getByLabel('Year containing the month'), shiftMonth(thisMonth, -12));
      await expect.poll(() => yearHeading.innerText()).not.toBe(thisYear);
      await pickDate(page.getByLabel('Year containing the month'), thisMonth);
      await expect.poll(() => yearHeading.innerText()).toBe(thisYear);
      const lastMonth = shiftMonth(thisMonth, -1);
      await pickDate(page.getByLabel('Month', { exact: true }), lastMonth);
      await page.getByRole('button', { name: `Declare ${formatPeriod(lastMonth, 'en')}` }).waitFor();

      await page.getByRole('link', { name: 'Bills', exact: true }).click();
      const bills = page.getByRole('table', { name: 'Bills' });
      await bills.waitFor();
      await page
        .getByRole('img', { name: /Bar chart of contributions per month/ })
        .locator('canvas')
        .waitFor();
      await screenshot(page, 'employer-bills.en');
      await bills.locator('tbody tr').filter({ hasText: 'Monthly bill' }).first().getByRole('link').click();
      await page.getByRole('heading', { level: 2, name: 'Lines per employee' }).waitFor();
      await page.getByRole('table', { name: "Employees' monthly details (to tell each employee)" }).waitFor();
      await screenshot(page, 'employer-bill.en');

      await page.getByRole('link', { name: 'Payments and receipts' }).click();
      const payments = page.getByRole('table', { name: 'Payments' });
      await payments.waitFor();
      await screenshot(page, 'employer-payments.en');
      await payments.getByRole('link').first().click();
      await page.getByRole('heading', { level: 2, name: 'Bills paid' }).waitFor();
      await screenshot(page, 'employer-receipt.en');

      await page.getByRole('link', { name: 'Arrears and late fees' }).click();
      await page.getByText('Contributions owed').waitFor();
      const countedTo = page.getByLabel('Counted to');
      expect(await countedTo.inputValue()).toBe(environment.today);
      const asked = page.waitForRequest((request) =>
        request.url().includes(`asOf=${shiftDay(environment.today, 1)}`),
      );
      await pickDate(countedTo, shiftDay(environment.today, 1));
      await asked;
      await screenshot(page, 'employer-arrears.en');
      await page.close();
    });

    interface Summary {
      employer: { id: number; name: string; creditCode: string };
      bills: { billNo: string; overdue: boolean }[];
      dueToday: { owedFen: number; lateFeeFen: number; totalFen: number };
      howToPay: { collectionAccount: { accountNo: string } | null; reference: string };
    }

    /**
     * Another demo employer with overdue bills, and a login of its own made by the administrator: paying
     * its bills leaves the first employer's data, which the other tests read, as it was.
     */
    async function employerWithArrears(): Promise<{ summary: Summary; userName: string }> {
      const login = await fetch(`${baseUrl}/api/auth/login/staff`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userName: 'admin', password: DEMO_PASSWORD }),
      });
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const cookie = login.headers
        .getSetCookie()
        .map((line) => line.split(';')[0])
        .join('; ');
      const admin = async <T>(path: string, body?: unknown): Promise<T> => {
        const response = await fetch(`${baseUrl}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        expect(response.status, path).toBeLessThan(300);
        return (await response.json()) as T;
      };
      const employers = await admin<{ items: { id: number }[] }>('/api/employers?regionCode=110000&limit=20');
      for (const { id } of employers.items.slice(1)) {
        const summary = await admin<Summary>(`/api/employers/${id}/summary`);
        if (!summary.bills.some((bill) => bill.overdue) || summary.dueToday.lateFeeFen === 0) continue;
        const userName = `cashier${Date.now() % 1_000_000}`;
        await admin('/api/users', {
          kind: 'employer',
          employerId: id,
          userName,
          displayName: 'Cashier',
          password: DEMO_PASSWORD,
        });
        return { summary, userName };
      }
      throw new Error('no demo employer has overdue bills');
    }

    it('shows the company, what is due and by when, how to pay and what to do; pays the amount due today online', async () => {
      const { summary, userName } = await employerWithArrears();
      const { employer, dueToday, howToPay } = summary;
      for (const [session, language, texts] of [
        [
          chinese,
          'zh-CN',
          {
            bills: '未缴账单',
            due: '今日缴清应付',
            toDo: '待办事项',
            howToPay: '如何缴费',
            pay: '立即缴纳',
            receipt: /^缴款回单 /,
          },
        ],
        [
          english,
          'en',
          {
            bills: 'Open bills',
            due: 'Due if paid today',
            toDo: 'To do',
            howToPay: 'How to pay',
            pay: 'Pay ',
            receipt: /^Receipt /,
          },
        ],
      ] as const) {
        const page = await session.context.newPage();
        await page.goto(`${baseUrl}/login/employer?next=${encodeURIComponent('/employer')}`);
        await page.locator('#login-employer_creditCode').fill(employer.creditCode);
        await page.locator('#login-employer_userName').fill(userName);
        await page.locator('#login-employer_password').fill(DEMO_PASSWORD);
        await page.locator('#login-employer_password').press('Enter');
        await page.getByRole('heading', { level: 1, name: employer.name }).waitFor();
        const figures = page.getByRole('group').filter({ hasText: texts.due });
        expect(await figures.innerText()).toContain(formatYuan(dueToday.totalFen));
        await page.getByRole('heading', { level: 2, name: texts.toDo }).waitFor();
        const payment = page.locator('section[aria-labelledby="how-to-pay-title"]');
        expect(await payment.innerText()).toContain(texts.howToPay);
        expect(await payment.getByTestId('payment-reference').innerText()).toBe(howToPay.reference);
        expect(howToPay.reference).toBe(employer.creditCode);
        expect(await payment.innerText()).toContain(howToPay.collectionAccount!.accountNo);
        const bills = page.getByRole('table', { name: texts.bills });
        for (const bill of summary.bills.slice(0, 12)) expect(await bills.innerText()).toContain(bill.billNo);
        await screenshot(page, `employer-home.${language}`);
        await page.setViewportSize({ width: 390, height: 844 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
          true,
        );
        await screenshot(page, `employer-home.phone.${language}`);
        await page.setViewportSize({ width: 1280, height: 800 });

        // A bill says how to pay too: the same account and reference.
        await bills.getByRole('link', { name: summary.bills[0]!.billNo }).click();
        await page.getByTestId('payment-reference').waitFor();
        expect(await page.getByTestId('payment-reference').innerText()).toBe(employer.creditCode);
        await screenshot(page, `employer-bill-how-to-pay.${language}`);

        if (language === 'en') {
          // Paying the amount offered clears everything: the receipt follows, nothing is left open.
          await page.goBack();
          const button = page.getByRole('button', { name: `Pay ${formatYuan(dueToday.totalFen)} now` });
          await button.click();
          // The payment is recorded, the employer's data refreshed, then the receipt opens.
          await expect.poll(() => heading(page), { timeout: 15_000 }).toMatch(texts.receipt);
          await screenshot(page, 'employer-paid-receipt.en');
          const after = await page.evaluate(async (id) => {
            const response = await fetch(`/api/employers/${id}/summary`);
            return (await response.json()) as Summary;
          }, employer.id);
          expect(after.bills).toEqual([]);
          expect(after.dueToday.totalFen).toBe(0);
          await page.getByRole('link', { name: 'Home' }).click();
          await page.getByText('No open bills.').waitFor();
        }
        await page.close();
      }
    });
  },
);
