// Work injury and unemployment through the agency's pages (docs/RULES.md 15.17-15.23): the demo employer sees
// what the work-injury fund advanced for it and an officer records its repayment; a survivors' claim of a
// death from a work injury filed at the counter; the stoppage period with pay; the demo's unemployment
// benefit explained and stopped for a reason of SIL Art. 51.
import { chinaDateOf } from '@shebao/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoEmployer, DEMO_PASSWORD } from './demo-data.ts';
import { choose } from './ant-select.ts';
import { pickDate } from './date-picker.ts';
import { fitsTheWidth, screenshot, startBrowser, testServers, type BrowserSession } from './harness.ts';
import { signInAsEmployer, signInAsStaff } from './sign-in-helpers.ts';

const environment = inject('browserTests');
// One database is enough for pages whose server side is tested on both (keeps CI time down).
const servers = testServers(environment).filter((server) => server.database === 'sqlite');

interface Advances {
  claimedFen: number;
  repaidFen: number;
  owedFen: number;
  claims: { personName: string; idNumberMasked: string }[];
}

interface Listed {
  id: number;
  applicationNo: string;
  personId: number;
  kind: string;
  state: string;
  decision: { kind: string } | null;
  facts: Record<string, unknown>;
}

/** Fen as the yuan a person types: 1234.56. */
function yuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

async function amountShown(page: Page, label: string): Promise<number> {
  const statistic = page.locator('.ant-statistic').filter({ hasText: label });
  return Number(await statistic.locator('[data-amount-fen]').getAttribute('data-amount-fen'));
}

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'work injury and unemployment at the agency: advances, the counter, the stoppage period, a stop, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    const sessions: BrowserSession[] = [];
    const browser = async (locale: 'zh-CN' | 'en-US') => {
      const session = await startBrowser(environment.chromiumPath!, locale);
      sessions.push(session);
      return session.context.newPage();
    };
    // One API session of the benefits officer for the test's own reads and writes (logins are rate-limited).
    let session: Promise<{ cookie: string; csrfToken: string }> | undefined;
    const officerSession = async () => {
      const login = await fetch(`${baseUrl}/api/auth/login/staff`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userName: 'benefits', password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((line) => line.split(';')[0])
        .join('; ');
      return { cookie, csrfToken: ((await login.json()) as { csrfToken: string }).csrfToken };
    };
    const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
      const { cookie, csrfToken } = await (session ??= officerSession());
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
      return (await response.json()) as T;
    };
    let employerId = 0;
    let advances: Advances;
    let chosen: Listed | undefined;
    // The server's day in China (SHEBAO_TODAY with the clock running on).
    let today = environment.today;

    beforeAll(async () => {
      const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { time: string };
      today = chinaDateOf(new Date(health.time));
      employerId = (await demoEmployer(baseUrl)).id;
      advances = await call<Advances>('GET', `/api/employers/${employerId}/advances`);
      // The demo: the fund advanced a disability subsidy for the employer, which repaid half of it.
      expect(advances.claimedFen).toBeGreaterThan(0);
      expect(advances.owedFen).toBeGreaterThan(0);
    });
    afterAll(async () => {
      for (const session of sessions) await session.close();
    });

    it('shows the employer what the work-injury fund advanced for it, in Chinese, in English and on a phone', async () => {
      const page = await browser('zh-CN');
      await signInAsEmployer(page, baseUrl);
      await page.goto(`${baseUrl}/employer/claims`);
      const section = page.locator('section').filter({
        has: page.getByRole('heading', { level: 2, name: '工伤保险基金先行支付' }),
      });
      await section.locator('.ant-table-row').first().waitFor();
      expect(await amountShown(page, '尚欠')).toBe(advances.owedFen);
      expect(await amountShown(page, '已先行支付')).toBe(advances.claimedFen);
      const row = await section.locator('.ant-table-row').first().innerText();
      expect(row).toContain(advances.claims[0]!.personName);
      expect(row).toContain(advances.claims[0]!.idNumberMasked);
      expect(await section.innerText()).toContain('《社会保险法》第四十一条');
      // The employer reads; it does not record its own repayment.
      expect(await section.getByRole('button', { name: '登记偿还' }).count()).toBe(0);
      await screenshot(page, 'advances-employer.zh-CN');
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'advances-employer.phone.zh-CN');

      const english = await browser('en-US');
      await signInAsEmployer(english, baseUrl);
      await english.goto(`${baseUrl}/employer/claims`);
      await english.getByRole('heading', { level: 2, name: 'Advanced by the work-injury fund' }).waitFor();
      await english.locator('.employer-advances .ant-table-row').first().waitFor();
      expect(await amountShown(english, 'Still owed')).toBe(advances.owedFen);
      await screenshot(english, 'advances-employer.en');
    });

    it('lets a benefits officer record the employer’s repayment once', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.goto(`${baseUrl}/staff/employers/${employerId}`);
      const form = page.locator('form#advance-repayment');
      await form.waitFor();
      // More than it owes is refused by the server with the reason.
      await form.getByLabel('偿还金额（元）').fill(yuanText(advances.owedFen + 100));
      await pickDate(form.getByLabel('到账日期'), today);
      await form.getByLabel('银行流水号').fill(`BROWSER-${Date.now()}`);
      await form.getByRole('button', { name: '登记偿还' }).click();
      await expect.poll(() => form.innerText()).toContain('偿还未能登记');
      await form.getByLabel('偿还金额（元）').fill(yuanText(advances.owedFen));
      await form.getByRole('button', { name: '登记偿还' }).click();
      // Paid up: the form goes, the amounts say so.
      await form.waitFor({ state: 'detached' });
      await expect.poll(() => amountShown(page, '尚欠')).toBe(0);
      expect(await amountShown(page, '已偿还')).toBe(advances.claimedFen);
      await screenshot(page, 'advances-staff.zh-CN');
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await fitsTheWidth(page)).toBe(true);
      const after = await call<Advances>('GET', `/api/employers/${employerId}/advances`);
      expect(after).toMatchObject({ owedFen: 0, repaidFen: advances.claimedFen });
    });

    it('lets an officer file the survivors’ claim of a death from a work injury at the counter', async () => {
      const decided = await call<{ items: Listed[] }>(
        'GET',
        '/api/applications?regionCode=110000&state=decided&limit=100',
      );
      // An identified injury whose person has no injury-benefits claim open (other files may file one).
      for (const item of decided.items.filter(
        (candidate) => candidate.kind === 'work-injury' && candidate.decision?.kind === 'identified',
      )) {
        const own = await call<{ items: Listed[] }>('GET', `/api/persons/${item.personId}/applications`);
        if (
          !own.items.some(
            (other) =>
              other.kind === 'injury-benefits' && other.state !== 'decided' && other.state !== 'withdrawn',
          )
        ) {
          chosen = item;
          break;
        }
      }
      expect(chosen, 'an identified injury in the demo').toBeDefined();
      const page = await browser('en-US');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.goto(`${baseUrl}/staff/persons/${chosen!.personId}/claims?kind=injury-benefits`);
      const form = page.locator('form#apply-injury-benefits');
      await form.waitFor();
      await choose(form.getByLabel('Identified work injury'), chosen!.applicationNo);
      await form.getByText('The injured person died of the injury').click();
      await pickDate(form.getByLabel('Date of death'), today);
      await form.getByLabel('Claimant (the survivor paid)').fill('Zhang Min');
      await form.getByText('A spouse the deceased supported').click();
      await form.getByLabel('Other dependents').fill('1');
      await form.getByLabel('Account number').fill('6222020200188800456');
      await form.getByRole('button', { name: 'Send the application' }).click();
      const filed = page.getByRole('status').filter({ hasText: 'Application sent' });
      await filed.waitFor();
      const applicationNo = /(AP\d+)/.exec(await filed.innerText())![1]!;
      await screenshot(page, 'counter-death-claim.en');
      const own = await call<{ items: (Listed & { facts: { death?: { claimantName: string } } })[] }>(
        'GET',
        `/api/persons/${chosen!.personId}/applications`,
      );
      const claim = own.items.find((item) => item.applicationNo === applicationNo)!;
      expect(claim.facts.death).toMatchObject({
        claimantName: 'Zhang Min',
        spouse: true,
        otherDependents: 1,
      });

      // The same page in Chinese on a phone; then the claim is withdrawn, as the family may, so the demo
      // person's benefits stay as other files expect them.
      const chinese = await browser('zh-CN');
      await signInAsStaff(chinese, baseUrl, 'benefits');
      await chinese.setViewportSize({ width: 390, height: 844 });
      await chinese.goto(`${baseUrl}/staff/persons/${chosen!.personId}/claims?kind=injury-benefits`);
      await chinese.locator('form#apply-injury-benefits').waitFor();
      // The medical costs of the injury are claimed on the same form (WIIR Art. 30).
      await chinese.getByRole('radio', { name: '工伤医疗费用报销' }).check();
      await chinese.getByLabel('工伤保险协议医疗机构').waitFor();
      expect(await fitsTheWidth(chinese)).toBe(true);
      await screenshot(chinese, 'counter-medical-claim.phone.zh-CN');
      await chinese.getByRole('radio', { name: '伤残待遇' }).check();
      await chinese.getByText('工伤职工已因工死亡，由近亲属申请工亡待遇').click();
      await chinese.getByLabel('死亡日期').waitFor();
      expect(await fitsTheWidth(chinese)).toBe(true);
      await screenshot(chinese, 'counter-death-claim.phone.zh-CN');
      await call('POST', `/api/applications/${claim.id}/withdrawal`, {});
    });

    it('lets an officer record the stoppage period with pay of the injury', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.goto(`${baseUrl}/staff/applications/${chosen!.id}`);
      const section = page.locator('section').filter({
        has: page.getByRole('heading', { level: 2, name: '停工留薪期' }),
      });
      const form = section.locator('form#stoppage');
      await form.waitFor();
      expect(await section.innerText()).toContain('《工伤保险条例》第三十三条');
      const from = chosen!.facts.eventDate as string;
      await pickDate(form.getByLabel('起始日期'), from);
      await form.getByLabel('月数').fill('3');
      await form.getByRole('button', { name: '登记停工留薪期' }).click();
      const row = section.locator('.claim-stoppage .ant-table-row').first();
      await row.waitFor();
      expect(await row.innerText()).toContain(from);
      // The form now offers the extension, which needs the committee's confirmation.
      await section.getByLabel('鉴定委员会确认文号').waitFor();
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'injury-stoppage.phone.zh-CN');
    });

    it('shows staff the unemployment benefit in payment with its explanation, and stops it for a reason of the law', async () => {
      const decided = await call<{ items: Listed[] }>(
        'GET',
        '/api/applications?regionCode=110000&state=decided&limit=100',
      );
      const unemployment = decided.items.find((item) => item.kind === 'unemployment');
      expect(unemployment, 'the demo’s unemployment award').toBeDefined();
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.goto(`${baseUrl}/staff/applications/${unemployment!.id}`);
      await page
        .getByRole('heading', { level: 1, name: `待遇申请 ${unemployment!.applicationNo}` })
        .waitFor();
      // The award explained: the months, the band's amount, the employer's report of the dismissal.
      const award = page.locator('.benefit-award');
      await award.locator('[data-part="terminationReport"]').waitFor();
      const text = await award.innerText();
      expect(text).toContain('用人单位告知终止劳动关系');
      expect(text).toContain('领取失业保险金的条件和期限');
      expect(text).toMatch(/告知经办机构，(超过期限|在期限)/);
      await screenshot(page, 'unemployment-staff-application.zh-CN');

      await page.goto(`${baseUrl}/staff/persons/${unemployment!.personId}`);
      const stop = page.locator('form#unemployment-stop');
      await stop.waitFor();
      await choose(stop.getByLabel('停发原因'), '应征服兵役');
      await pickDate(stop.getByLabel('最后发放月份'), today.slice(0, 7));
      await stop.getByRole('button', { name: /停\s*发/ }).click();
      await stop
        .getByRole('status')
        .filter({ hasText: `最后发放月份 ${today.slice(0, 7)}` })
        .waitFor();
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'unemployment-staff-stopped.phone.zh-CN');
    });
  },
);
