import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { pickDate } from './date-picker.ts';
import { screenshot, startBrowser, testServers, type BrowserSession } from './harness.ts';
import { signInAsStaff } from './sign-in-helpers.ts';

const environment = inject('browserTests');
const servers = testServers(environment);

/** No sideways scrolling of the page itself on a phone (wide tables scroll inside their own box). */
async function fitsTheWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'the yearly pension adjustment, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    const sessions: BrowserSession[] = [];
    const browser = async (locale: 'zh-CN' | 'en-US') => {
      const session = await startBrowser(environment.chromiumPath!, locale);
      sessions.push(session);
      return session.context.newPage();
    };
    afterAll(async () => {
      for (const session of sessions) await session.close();
    });

    it('is proposed by one officer, approved by another and applied once (docs/RULES.md 14.11)', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.getByRole('navigation').getByRole('link', { name: '养老金调整', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '养老金调整' }).waitFor();

      // The 2024 notice for pensions started by 2023-12: the demo's pensions all started later (this
      // year's adjustment the demo applied itself), so the run changes no award other tests look at, and
      // says why.
      await page.locator('#adjustment_year').fill('2024');
      await pickDate(page.locator('#adjustment_effectiveMonth'), '2024-01');
      await pickDate(page.locator('#adjustment_publishedOn'), '2024-07-10');
      await pickDate(page.locator('#adjustment_startedBy'), '2023-12');
      await page.locator('#adjustment_percent').fill('1.2');
      await page.locator('#adjustment_fixedYuan').fill('35');
      await page.locator('#adjustment_perYearYuan').fill('1.5');
      await page.getByRole('button', { name: '增加高龄倾斜档次' }).click();
      await page.locator('#adjustment_ageTilt_0_minAgeYears').fill('70');
      await page.locator('#adjustment_ageTilt_0_extraYuan').fill('30');
      await page.locator('#adjustment_source').fill('京人社发〔2024〕示例号');
      await page.getByRole('button', { name: '提交复核' }).click();
      const proposed = page.getByRole('status').filter({ hasText: '已提交' });
      await proposed.waitFor();
      const approvalId = /第 (\d+) 号/.exec(await proposed.innerText())![1]!;
      const waiting = page.locator(`.adjustment-proposal[data-approval="${approvalId}"]`);
      await waiting.waitFor();
      expect(await waiting.innerText()).toContain('京人社发〔2024〕示例号');
      // The proposer cannot approve it: the refusal is said in Chinese.
      await waiting.getByRole('button', { name: /^通\s?过$/ }).click();
      await expect.poll(() => page.locator('main').innerText()).toContain('提出变更的人不能自己审批');
      await screenshot(page, 'benefit-staff-adjustment-proposed.zh-CN');
      await page.getByRole('button', { name: /退出登录/ }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/');

      await signInAsStaff(page, baseUrl, 'benefits2');
      await page.goto(`${baseUrl}/staff/pension-adjustments`);
      const second = page.locator(`.adjustment-proposal[data-approval="${approvalId}"]`);
      await second.getByRole('button', { name: /^通\s?过$/ }).click();
      await second.waitFor({ state: 'detached' });
      const row = page.getByRole('row').filter({ hasText: '京人社发〔2024〕示例号' });
      await row.waitFor();
      expect(await row.innerText()).toContain('按比例 1.2%');
      expect(await row.innerText()).toContain('≥70: ¥30.00');
      await row.getByRole('button', { name: '执行调整' }).click();
      const run = page.locator('.adjustment-run');
      await run.waitFor();
      expect(await run.innerText()).toMatch(/本次调整 0 人；此前已调整 0 人；\d+ 人不在调整范围内/);
      expect(await run.innerText()).toContain('已发放的 6 个月须补发差额');
      await screenshot(page, 'benefit-staff-adjustment-applied.zh-CN');
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await fitsTheWidth(page)).toBe(true);

      const english = await browser('en-US');
      await signInAsStaff(english, baseUrl, 'benefits');
      await english.goto(`${baseUrl}/staff/pension-adjustments`);
      await english.getByRole('heading', { level: 1, name: 'Pension adjustments' }).waitFor();
      const englishRow = english.getByRole('row').filter({ hasText: '京人社发〔2024〕示例号' });
      await englishRow.waitFor();
      expect(await englishRow.innerText()).toContain('1.2% of the pension');
      await screenshot(english, 'benefit-staff-adjustments.en');
    });
  },
);
