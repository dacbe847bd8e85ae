// The story, one role after another through the pages only: an employer hires, declares bases
// from an Excel file (one bad row, fixed) and declares the month; staff run the month and import the bank statement that pays the
// employer's bill; the employee sees the month paid, downloads a statement and the verification page
// confirms it.
import { formatFenAsYuan, parseYuanToFen } from '@shebao/domain';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatPeriod } from '../../src/shell/format.ts';
import { adminCookie, DEMO_PASSWORD, demoEmployer, uniqueIdNumber, workbook, XLSX } from './demo-data.ts';
import { pickDate } from './date-picker.ts';
import { screenshot, startBrowser, testServers, type BrowserSession } from './harness.ts';

const environment = inject('browserTests');
const servers = testServers(environment);

const REGION = '110000';
/** The servers' current month (SHEBAO_TODAY's): the demo's months end the month before. */
const MONTH = environment.today.slice(0, 7);

/**
 * Which of the demo persons with a login (the first three) works for the given employer: the one whose
 * latest month was paid by it. Found as the administrator, before the story starts.
 */
async function employeeWithLogin(
  baseUrl: string,
  employerId: number,
): Promise<{ idNumber: string; name: string }> {
  const cookie = await adminCookie(baseUrl);
  const read = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie, accept: 'application/json' } });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
  for (const id of [1, 2, 3]) {
    const person = await read<{ idNumber: string; name: string }>(`/api/persons/${id}`);
    const record = await read<{ months: { period: string; employerId: number | null }[] }>(
      `/api/persons/${id}/rights-record?year=${MONTH.slice(0, 4)}`,
    );
    if (record.months.at(-1)?.employerId === employerId) return person;
  }
  throw new Error(`no demo person with a login works for employer ${employerId}`);
}

/** The yuan amounts in a bills table row's cells, as the page formats them ("¥1,234.50"). */
function fen(cell: string): number {
  return parseYuanToFen(cell.replace(/[¥,\s]/g, ''));
}

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'the main flow across roles, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    // Digits in it: a bank reference is a code, which the Chinese walk test lets pass.
    const stamp = `${server.database}-${Date.now()}`;
    let employer: { id: number; creditCode: string; name: string };
    let employee: { idNumber: string; name: string };
    let employerBrowser: BrowserSession;
    let staffBrowser: BrowserSession;
    let personBrowser: BrowserSession;
    let employerPage: Page;

    beforeAll(async () => {
      employer = await demoEmployer(baseUrl);
      employee = await employeeWithLogin(baseUrl, employer.id);
      employerBrowser = await startBrowser(environment.chromiumPath!, 'zh-CN');
      staffBrowser = await startBrowser(environment.chromiumPath!, 'zh-CN');
      personBrowser = await startBrowser(environment.chromiumPath!, 'zh-CN');
    });
    afterAll(async () => {
      await employerBrowser?.close();
      await staffBrowser?.close();
      await personBrowser?.close();
    });

    it('an employer hires a new employee and declares the year’s bases from an .xlsx file: one bad row refused, fixed, applied', async () => {
      const page = await employerBrowser.context.newPage();
      employerPage = page;
      await page.goto(`${baseUrl}/login/employer?next=${encodeURIComponent('/employer/staff')}`);
      await page.locator('#login-employer_creditCode').fill(employer.creditCode);
      await page.locator('#login-employer_userName').fill('finance');
      await page.locator('#login-employer_password').fill(DEMO_PASSWORD);
      await page.locator('#login-employer_password').press('Enter');
      await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toBe('/employer/staff');
      await page.getByRole('heading', { level: 1, name: '员工' }).waitFor();

      const idNumber = uniqueIdNumber();
      const name = `主流程员工${idNumber.slice(-4)}`;
      await page.getByRole('button', { name: '增员（新员工入职）' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('身份证号码').fill(idNumber);
      await expect.poll(() => dialog.locator('#hire_idNumber_help').innerText()).toContain('号码有效');
      await dialog.getByLabel('姓名').fill(name);
      await dialog.getByLabel('首月工资').fill('9000.00');
      await dialog.getByRole('button', { name: '确认增员' }).click();
      await expect.poll(() => dialog.getByRole('status').innerText()).toContain('已同时办理参保登记');
      await dialog.getByRole('button', { name: /^返\s*回$/ }).click();

      // The year's bases: the file's one row has an amount that is not one, so nothing is declared.
      await page.getByRole('link', { name: '缴费基数' }).click();
      await page.getByRole('heading', { level: 1, name: '缴费基数申报' }).waitFor();
      const declared = page.getByRole('table', { name: '本年度已申报基数' });
      await expect.poll(() => declared.innerText()).toContain(name);
      const fileInput = page.getByLabel('选择文件（.xlsx 或 .csv）');
      const bad = await workbook([
        ['id-number', 'name', 'declared'],
        [idNumber, name, '95OO.00'],
      ]);
      await fileInput.setInputFiles({ name: 'bases.xlsx', mimeType: XLSX, buffer: bad });
      await page.getByRole('button', { name: '检查并申报' }).click();
      const errors = page.getByRole('table', { name: '文件中的错误' });
      await errors.waitFor();
      expect(await errors.locator('tbody tr').count()).toBe(1);
      const error = await errors.locator('tbody tr').first().innerText();
      expect(error).toContain('2');
      expect(error).toContain('申报基数');
      expect(error).toContain('不是有效金额');
      expect(await page.getByRole('alert').filter({ hasText: '未申报任何一行' }).count()).toBe(1);
      await screenshot(page, 'main-flow-bases-error.zh-CN');
      await page.reload();
      await expect.poll(() => declared.innerText()).toContain(name);
      // The employee's row still has the first month's wage (other employees may well have 9,500).
      expect(await declared.locator('tbody tr').filter({ hasText: name }).innerText()).not.toContain(
        '¥9,500.00',
      );

      // The row fixed, the same file again: declared.
      const fixed = await workbook([
        ['id-number', 'name', 'declared'],
        [idNumber, name, '9500.00'],
      ]);
      await fileInput.setInputFiles({ name: 'bases.xlsx', mimeType: XLSX, buffer: fixed });
      await page.getByRole('button', { name: '检查并申报' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: '已申报 1 名员工' }).count())
        .toBe(1);
      await expect
        .poll(() => declared.locator('tbody tr').filter({ hasText: name }).innerText())
        .toContain('¥9,500.00');
      await screenshot(page, 'main-flow-bases.zh-CN');

      // The month declared (月度申报): billed on these bases, not estimated, so on the employees' records.
      const month = formatPeriod(MONTH, 'zh-CN');
      await pickDate(page.getByLabel('申报月份'), MONTH);
      await page.getByRole('button', { name: `申报 ${month}` }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: month }).innerText())
        .toMatch(/已申报|已于 \d{4}-\d{2}-\d{2} 申报/);
      await screenshot(page, 'main-flow-month-declared.zh-CN');
    });

    it(`staff run ${MONTH} for ${REGION} and import the bank statement that pays the employer’s bill`, async () => {
      const page = await staffBrowser.context.newPage();
      await page.goto(`${baseUrl}/login/staff?next=${encodeURIComponent('/staff')}`);
      await page.locator('#login-staff_userName').fill('collector');
      await page.locator('#login-staff_password').fill(DEMO_PASSWORD);
      await page.locator('#login-staff_password').press('Enter');
      await page.waitForURL((url) => url.pathname === '/staff', { timeout: 30_000 });

      await page.getByRole('navigation').getByRole('link', { name: '月度核定', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '月度核定' }).waitFor();
      expect(await page.getByLabel('所属期').inputValue()).toBe(MONTH);
      await page.getByRole('button', { name: '开始核定' }).click();
      // Another file may have run the month already: running it again is harmless and ends done too.
      const job = page.locator('.job-progress');
      await job.waitFor();
      expect(await job.innerText()).toContain(`：110000 ${formatPeriod(MONTH, 'zh-CN')}`);
      await expect.poll(() => job.getAttribute('data-status'), { timeout: 90_000 }).toBe('done');
      expect(await job.innerText()).toContain('核定完成');
      await screenshot(page, 'main-flow-run.zh-CN');

      // The employer's bills as its own page shows them: the month's bill, and what is still owed on all.
      await employerPage.getByRole('link', { name: '账单', exact: true }).click();
      const bills = employerPage.getByRole('table', { name: '账单列表' });
      const monthly = bills
        .locator('tbody tr.ant-table-row')
        .filter({ hasText: '月度账单' })
        .filter({ hasText: formatPeriod(MONTH, 'zh-CN') });
      await monthly.first().waitFor();
      expect(await monthly.count()).toBe(1);
      let owedFen = 0;
      for (const row of await bills.locator('tbody tr.ant-table-row').all()) {
        const cells = await row.locator('td').allInnerTexts();
        // Bill no., month, kind, due date, employer part, employee part, total, paid, status.
        owedFen += Math.max(0, fen(cells[6]!) - fen(cells[7]!));
      }
      const monthCells = await monthly.locator('td').allInnerTexts();
      expect(fen(monthCells[6]!)).toBeGreaterThan(0);
      expect(owedFen).toBeGreaterThanOrEqual(fen(monthCells[6]!) - fen(monthCells[7]!));
      await screenshot(employerPage, 'main-flow-bills-open.zh-CN');

      // Payments go to the oldest open bills first, and paying an overdue bill late adds a late fee: the
      // transfer covers everything owed plus room for that fee (the rest stays as the employer's credit).
      const amount = formatFenAsYuan(owedFen + 100_000);
      const today = environment.today;
      const csv = [
        'bank_reference,payer_code,payer_name,amount,paid_on',
        `${stamp}-MAIN,${employer.creditCode},${employer.name},${amount},${today}`,
      ].join('\n');
      await page.getByRole('navigation').getByRole('link', { name: '银行对账', exact: true }).click();
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
      expect(await rowsOf('import-invalid').count()).toBe(0);
      expect(await rowsOf('import-unmatched').count()).toBe(0);
      await screenshot(page, 'main-flow-bank.zh-CN');

      // The employer sees the month's bill paid.
      await employerPage.reload();
      await expect.poll(() => monthly.first().innerText(), { timeout: 15_000 }).toContain('已缴清');
      await screenshot(employerPage, 'main-flow-bills-paid.zh-CN');
    });

    it('the employee sees the month paid, issues a statement, downloads its PDF and verifies it', async () => {
      const page = await personBrowser.context.newPage();
      await page.goto(`${baseUrl}/login/person?next=${encodeURIComponent('/person')}`);
      await page.locator('#login-person_idNumber').fill(employee.idNumber);
      await page.locator('#login-person_password').fill(DEMO_PASSWORD);
      await page.locator('#login-person_password').press('Enter');
      await page.waitForURL((url) => url.pathname === '/person', { timeout: 30_000 });
      await page.locator('h1').first().waitFor();

      const nav = page.getByRole('navigation', { name: '主导航' });
      await nav.getByRole('link', { name: '缴费记录' }).click();
      await page.getByRole('heading', { level: 1, name: '缴费记录' }).waitFor();
      const row = page
        .locator('.person-record-table tbody tr')
        .filter({ hasText: formatPeriod(MONTH, 'zh-CN') })
        .filter({ hasText: employer.name });
      await row.first().waitFor({ timeout: 15_000 });
      expect(await row.first().innerText()).toContain('已缴清');
      await screenshot(page, 'main-flow-record.zh-CN');

      await nav.getByRole('link', { name: '权益单与证明' }).click();
      await page.getByRole('heading', { level: 1, name: '权益记录单与参保证明' }).waitFor();
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
      expect(code).toBeTruthy();
      expect(await issued.innerText()).toContain('个人权益记录单');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        issued.getByRole('link', { name: '下载 PDF（中文）' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`statement-${code}-zh.pdf`);
      const pdf = await readFile((await download.path())!);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await screenshot(page, 'main-flow-statement.zh-CN');

      // The verification page opens in a new tab too, for anyone holding the code.
      const [verification] = await Promise.all([
        page.waitForEvent('popup'),
        issued.getByRole('link', { name: '打开核验页面' }).click(),
      ]);
      await expect
        .poll(() => verification.locator('body').innerText(), { timeout: 15_000 })
        .toContain('有效：本文件由本经办机构出具');
      expect(await verification.locator('body').innerText()).toContain(code);
      await screenshot(verification, 'main-flow-verify.zh-CN');
    });
  },
);
