import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenshot, startBrowser, testServers, type BrowserSession, fitsTheWidth } from './harness.ts';
import { adminCookie, DEMO_PASSWORD } from './demo-data.ts';
import { signInAsPerson, signInAsStaff } from './sign-in-helpers.ts';

const environment = inject('browserTests');
const servers = testServers(environment);

/** The month after the test servers' today: the payroll may pay one month ahead. */
function nextMonth(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

interface Payments {
  awards: { status: string; lines: { state: string }[] }[];
}

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'the payroll pages, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    const sessions: BrowserSession[] = [];
    const browser = async (locale: 'zh-CN' | 'en-US') => {
      const session = await startBrowser(environment.chromiumPath!, locale);
      sessions.push(session);
      return session.context.newPage();
    };
    /** A demo pensioner who can log in, and one whose months are withheld. */
    let pensioner: { id: number; idNumber: string };
    let withheld: { id: number; name: string };

    beforeAll(async () => {
      const cookie = await adminCookie(baseUrl);
      const read = async <T>(path: string): Promise<T> => {
        const response = await fetch(`${baseUrl}${path}`, {
          headers: { cookie, accept: 'application/json' },
        });
        expect(response.status, path).toBe(200);
        return (await response.json()) as T;
      };
      const decided = await read<{ items: { kind: string; personId: number }[] }>(
        '/api/applications?regionCode=110000&state=decided&limit=50',
      );
      for (const claim of decided.items.filter((item) => item.kind === 'pension')) {
        const person = await read<{ idNumber: string; name: string }>(`/api/persons/${claim.personId}`);
        const payments = await read<Payments>(`/api/persons/${claim.personId}/pension-payments`);
        if (payments.awards[0]?.status === 'withheld') withheld = { id: claim.personId, name: person.name };
        const login = await fetch(`${baseUrl}/api/auth/login/person`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ idNumber: person.idNumber, password: DEMO_PASSWORD }),
        });
        if (login.status === 200) pensioner = { id: claim.personId, idNumber: person.idNumber };
      }
      expect(pensioner, 'a demo pensioner can log in').toBeDefined();
      expect(withheld, 'a demo pensioner is withheld for a missed verification').toBeDefined();
    });
    afterAll(async () => {
      for (const session of sessions) await session.close();
    });

    it('lets a benefits officer pay the next month and see its bank files, in Chinese and on a phone', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.getByRole('navigation').getByRole('link', { name: '待遇发放', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '月度待遇发放' }).waitFor();
      // The demo paid the last six months already.
      await page.getByRole('row').filter({ hasText: '已完成' }).first().waitFor();
      await page.getByLabel('发放月份').fill(nextMonth(environment.today));
      await page.getByRole('button', { name: '开始发放' }).click();
      const run = page.locator('.payroll-run[data-status="done"]');
      await run.waitFor({ timeout: 30_000 });
      const text = await run.innerText();
      expect(text).toContain('银行代发文件');
      expect(text).toMatch(/ICBC|ABC|BOC|CCB|OTHER/);
      expect(await run.getByRole('button', { name: '导入回盘文件' }).count()).toBeGreaterThan(0);
      await screenshot(page, 'payroll-staff.zh-CN');

      await page.setViewportSize({ width: 390, height: 844 });
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'payroll-staff.phone.zh-CN');

      const english = await browser('en-US');
      await signInAsStaff(english, baseUrl, 'benefits');
      await english.goto(`${baseUrl}/staff/payroll`);
      await english.getByRole('heading', { level: 1, name: 'Monthly payroll' }).waitFor();
      await english.getByRole('row').filter({ hasText: 'Done' }).first().waitFor();
      await screenshot(english, 'payroll-staff.en');
    });

    it('shows a pensioner the months paid and the next payment, in Chinese, in English and on a phone', async () => {
      const page = await browser('zh-CN');
      await signInAsPerson(page, baseUrl, pensioner.idNumber);
      await page.goto(`${baseUrl}/person/pension`);
      const payments = page.getByRole('region', { name: '发放记录' });
      await payments.waitFor();
      await expect.poll(() => payments.innerText()).toContain('已支付');
      const text = await payments.innerText();
      expect(text).toContain('正常发放');
      expect(text).toContain('下次发放');
      expect(text).toContain('统筹基金');
      expect(text).toContain('个人账户');
      await screenshot(page, 'payroll-person.zh-CN');
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'payroll-person.phone.zh-CN');

      const english = await browser('en-US');
      await signInAsPerson(english, baseUrl, pensioner.idNumber);
      await english.goto(`${baseUrl}/person/pension`);
      const englishPayments = english.getByRole('region', { name: 'Payments' });
      await englishPayments.waitFor();
      await expect.poll(() => englishPayments.innerText()).toContain('Paid');
      expect(await englishPayments.innerText()).toContain('Next payment');
      await screenshot(english, 'payroll-person.en');
    });

    it('shows staff a pensioner whose months are withheld for a missed verification', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.goto(`${baseUrl}/staff/persons/${withheld.id}`);
      const payments = page.getByRole('region', { name: '发放记录' });
      await payments.waitFor();
      await expect.poll(() => payments.innerText()).toContain('暂停发放（待资格认证）');
      expect(await payments.innerText()).toContain('暂停');
      await screenshot(page, 'payroll-staff-withheld.zh-CN');
    });
  },
);
