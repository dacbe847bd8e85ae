import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatYuan } from '../../src/shell/format.ts';
import { screenshot, startBrowser, testServers, type BrowserSession, fitsTheWidth } from './harness.ts';
import { adminCookie, DEMO_PASSWORD } from './demo-data.ts';
import { pickDate } from './date-picker.ts';
import { signInAsPerson, signInAsStaff } from './sign-in-helpers.ts';

const environment = inject('browserTests');
const servers = testServers(environment);

interface ApplicationFacts {
  id: number;
  applicationNo: string;
  kind: string;
  personId: number;
  state: string;
}

/** The API as the demo administrator sees it, to find the demo's applications before the pages are driven. */
async function adminApi(baseUrl: string) {
  const cookie = await adminCookie(baseUrl);
  return async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie, accept: 'application/json' } });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };
}

/** A staff member's session for the API (cookie and CSRF token), to file what the pages then work on. */
async function staffWriter(baseUrl: string, userName: string) {
  const login = await fetch(`${baseUrl}/api/auth/login/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, path).toBe(201);
    return (await response.json()) as T;
  };
}

/** The month before a day's month (YYYY-MM-DD → YYYY-MM): the demo's last month. */
function lastMonthOf(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The month after a month (YYYY-MM). */
function nextMonthOf(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page.locator('.benefit-loading').first().waitFor({ state: 'detached' });
}

/** A tiny but real PDF (the server judges a file by its first bytes). */
const PDF = Buffer.from('%PDF-1.4\n% Shebao browser test: certificate of deemed service\n');

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'the benefit pages, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    const sessions: BrowserSession[] = [];
    const browser = async (locale: 'zh-CN' | 'en-US') => {
      const session = await startBrowser(environment.chromiumPath!, locale);
      sessions.push(session);
      return session.context.newPage();
    };
    let first: { idNumber: string; application: ApplicationFacts };
    let second: ApplicationFacts;
    let retiree: { id: number; name: string; award: { monthlyFen: number; applicationId: number } };

    beforeAll(async () => {
      const admin = await adminApi(baseUrl);
      const person = await admin<{ idNumber: string }>('/api/persons/1');
      const own = await admin<{ items: ApplicationFacts[] }>('/api/persons/1/applications');
      first = {
        idNumber: person.idNumber,
        application: own.items.find((item) => item.kind === 'record-correction')!,
      };
      const others = await admin<{ items: ApplicationFacts[] }>('/api/persons/2/applications');
      second = others.items.find((item) => item.state === 'awaiting-material')!;
      expect(first.application, 'the first demo person has an open request').toBeDefined();
      expect(second, 'the second demo person has a request waiting for material').toBeDefined();
      const decided = await admin<{ items: ApplicationFacts[] }>(
        '/api/applications?regionCode=110000&state=decided',
      );
      const claim = decided.items.find((item) => item.kind === 'pension')!;
      const facts = await admin<{ id: number; name: string }>(`/api/persons/${claim.personId}`);
      const awards = await admin<{ items: { monthlyFen: number; applicationId: number }[] }>(
        `/api/persons/${claim.personId}/awards`,
      );
      retiree = { ...facts, award: awards.items[0]! };
    });
    afterAll(async () => {
      for (const session of sessions) await session.close();
    });

    it('shows a person their open application with its clock, in Chinese, in English and on a phone', async () => {
      const page = await browser('zh-CN');
      await signInAsPerson(page, baseUrl, first.idNumber);
      await page.getByRole('navigation').getByRole('link', { name: '我的申请', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '我的申请' }).waitFor();
      const card = page.getByRole('article').filter({ hasText: first.application.applicationNo });
      await card.waitFor();
      const text = await card.innerText();
      expect(text).toContain('更正个人权益记录');
      expect(text).toContain('审核中');
      expect(text).toMatch(/应于 \d{4}-\d{2}-\d{2} 前办结，剩余 \d+ 个工作日/);
      expect(text).toContain('《社会保险个人权益记录管理办法》');
      expect(text).toContain('提交申请');
      await screenshot(page, 'benefit-person-applications.zh-CN');

      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await settled(page);
      await card.waitFor();
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'benefit-person-applications.phone.zh-CN');

      // My pension: no award yet, a way to apply.
      await page.goto(`${baseUrl}/person/pension`);
      await settled(page);
      expect(await page.locator('main').innerText()).toContain('您目前没有核准的养老金待遇');
      expect(await fitsTheWidth(page)).toBe(true);

      const english = await browser('en-US');
      await signInAsPerson(english, baseUrl, first.idNumber);
      await english.goto(`${baseUrl}/person/applications`);
      await english.getByRole('heading', { level: 1, name: 'My applications' }).waitFor();
      const englishCard = english.getByRole('article').filter({ hasText: first.application.applicationNo });
      await englishCard.waitFor();
      expect(await englishCard.innerText()).toContain('Correction of the record');
      expect(await englishCard.innerText()).toMatch(/Due on \d{4}-\d{2}-\d{2}, \d+ working days left/);
      await screenshot(english, 'benefit-person-applications.en');
    });

    it('lets a benefits officer work the queue: record material, ask again, record it, refuse with a reason', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.getByRole('navigation').getByRole('link', { name: '待遇申请', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '待遇申请' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: second.applicationNo });
      await row.waitFor();
      expect(await row.innerText()).toContain('待补材料');
      expect(await row.innerText()).toContain('暂停计时');
      await page.getByRole('row').filter({ hasText: first.application.applicationNo }).waitFor();
      await screenshot(page, 'benefit-staff-queue.zh-CN');

      // Only the applications waiting for material.
      await page.getByLabel('办理状态').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '待补材料' }).click();
      await expect
        .poll(() => page.getByRole('row').filter({ hasText: first.application.applicationNo }).count())
        .toBe(0);
      await row.getByRole('link', { name: second.applicationNo }).click();
      await page.getByRole('heading', { level: 1, name: `待遇申请 ${second.applicationNo}` }).waitFor();
      const state = () => page.locator('.benefit-page[data-state]').getAttribute('data-state');
      expect(await state()).toBe('awaiting-material');
      expect(await page.locator('.benefit-clock[data-clock]').getAttribute('data-clock')).toBe('paused');

      await page.getByLabel('收到的材料').fill('已收到2018年5月的工资流水。');
      await page.getByRole('button', { name: '登记收到材料' }).click();
      await expect.poll(state).toBe('under-review');
      expect(await page.locator('.benefit-clock[data-clock]').getAttribute('data-clock')).toBe('running');

      await page.getByLabel('需要补充的材料').fill('请补充劳动合同。');
      await page.getByRole('button', { name: '要求补充材料' }).click();
      await expect.poll(state).toBe('awaiting-material');
      await page.getByLabel('收到的材料').fill('已收到劳动合同。');
      await page.getByRole('button', { name: '登记收到材料' }).click();
      await expect.poll(state).toBe('under-review');
      expect(await page.getByRole('region', { name: '办理经过' }).innerText()).toContain('请补充劳动合同。');

      // The refusal's own form: the request may also be granted, whose proposal takes reasons too.
      const refusal = page.locator('form#refusal');
      await refusal.getByLabel('理由代码').fill('no-evidence');
      await refusal.getByLabel('理由', { exact: true }).fill('工资流水显示该月未在原单位工作。');
      await refusal.getByLabel('法律依据').fill('PRRM');
      await page.getByRole('button', { name: '不予核准' }).click();
      await expect.poll(state).toBe('decided');
      const decision = page.getByRole('region', { name: '决定' });
      expect(await decision.innerText()).toContain('不予核准');
      expect(await decision.innerText()).toContain('工资流水显示该月未在原单位工作。');
      expect(await decision.innerText()).toContain('《社会保险个人权益记录管理办法》');
      await screenshot(page, 'benefit-staff-refused.zh-CN');
    });

    it('shows the retiree’s approved award with every part explained on the staff side', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.goto(`${baseUrl}/staff/persons/${retiree.id}`);
      const section = page.getByRole('region', { name: '待遇申请与待遇' });
      await section.waitFor();
      await expect.poll(() => section.innerText()).toContain(formatYuan(retiree.award.monthlyFen));
      const text = await section.innerText();
      for (const part of [
        '领取条件',
        '平均缴费指数',
        '基础养老金',
        '个人账户养老金',
        '过渡性养老金',
        '月基本养老金合计',
      ])
        expect(text).toContain(part);
      expect(text).toContain('****');
      await screenshot(page, 'benefit-staff-award.zh-CN');

      await page.goto(`${baseUrl}/staff/applications/${retiree.award.applicationId}`);
      const decision = page.getByRole('region', { name: '决定' });
      await decision.waitFor();
      await expect.poll(() => decision.innerText()).toContain('核准');
      await expect.poll(() => decision.innerText()).toContain(formatYuan(retiree.award.monthlyFen));
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'benefit-staff-application.phone.zh-CN');
    });

    it('files a pension claim at the counter, proposed by one officer and approved by another', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.goto(`${baseUrl}/staff/persons/${retiree.id}`);
      await page.getByRole('link', { name: '受理养老金申请' }).click();
      await page.getByRole('heading', { level: 1, name: `受理养老金申请：${retiree.name}` }).waitFor();
      // A wrong account number is caught at the field.
      await page.getByLabel('账号').fill('123');
      await page.getByRole('button', { name: '提交申请' }).click();
      await expect.poll(() => page.locator('main').innerText()).toContain('请填写 12 至 30 位数字的账号');
      await page.getByLabel('账号').fill('6217000010009876543');
      await page.locator('#pension-claim_deemedMonthsClaimed').fill('180');
      await page.getByRole('button', { name: '提交申请' }).click();
      const done = page.getByRole('status').filter({ hasText: '申请已提交' });
      await done.waitFor();
      const applicationNo = /编号 (AP\d+)/.exec(await done.innerText())![1]!;

      // A file that is not what its name says is refused, in Chinese.
      await page.getByLabel('材料类型').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '视同缴费年限证明' }).click();
      await page
        .getByLabel('选择文件')
        .setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
      await page.getByRole('button', { name: /^上\s?传$/ }).click();
      await expect.poll(() => page.locator('main').innerText()).toContain('文件内容与其声明的格式不符');
      await page
        .getByLabel('选择文件')
        .setInputFiles({ name: 'deemed-service.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: /^上\s?传$/ }).click();
      await page.getByRole('status').filter({ hasText: '已上传' }).waitFor();
      await page.getByRole('link', { name: '打开这项申请' }).click();
      await page.getByRole('heading', { level: 1, name: `待遇申请 ${applicationNo}` }).waitFor();
      const state = () => page.locator('.benefit-page[data-state]').getAttribute('data-state');

      // Assessed with the deemed months, then proposed with the certificate as evidence.
      await page.getByLabel('认定的视同缴费月数').fill('180');
      await page.getByRole('button', { name: '测算养老金' }).click();
      const assessment = page.locator('.benefit-assessment');
      await assessment.waitFor();
      expect(await assessment.getAttribute('data-eligible')).toBe('true');
      expect(await assessment.innerText()).toContain('基础养老金');
      await page.getByRole('checkbox', { name: /视同缴费年限证明/ }).check();
      await page.getByRole('button', { name: '提出核定意见' }).click();
      await expect.poll(state).toBe('proposed');
      await screenshot(page, 'benefit-staff-proposed.zh-CN');

      // The proposer cannot approve their own proposal: the refusal is said in Chinese.
      await page.getByRole('button', { name: /^通\s?过$/ }).click();
      await expect.poll(() => page.locator('main').innerText()).toContain('提出变更的人不能自己审批');
      expect(await state()).toBe('proposed');
      await page.getByRole('button', { name: /退出登录/ }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/');

      await signInAsStaff(page, baseUrl, 'benefits2');
      await page.getByRole('navigation').getByRole('link', { name: '待遇申请', exact: true }).click();
      const row = page.getByRole('row').filter({ hasText: applicationNo });
      await row.waitFor();
      expect(await row.innerText()).toContain('待复核');
      await row.getByRole('link', { name: applicationNo }).click();
      await page.getByRole('heading', { level: 1, name: `待遇申请 ${applicationNo}` }).waitFor();
      await page.getByLabel('复核意见（可不填）').fill('已核对视同缴费证明。');
      await page.getByRole('button', { name: /^通\s?过$/ }).click();
      await expect.poll(state).toBe('decided');
      const decision = page.getByRole('region', { name: '决定' });
      await expect.poll(() => decision.innerText()).toContain('月基本养老金合计');
      expect(await decision.innerText()).toContain('核准');
      await screenshot(page, 'benefit-staff-approved.zh-CN');

      // The new award is among the person's awards.
      await page.goto(`${baseUrl}/staff/persons/${retiree.id}`);
      const section = page.getByRole('region', { name: '待遇申请与待遇' });
      await section.waitFor();
      await expect.poll(() => section.getByRole('region', { name: /养老金待遇 AW/ }).count()).toBe(2);
    });

    it('grants a request to correct the record: proposed by one officer, approved by another, the month owed shown to the person', async () => {
      const admin = await adminApi(baseUrl);
      // The third demo person (a login no other test uses) also worked at the fifth demo employer last
      // month, which the record lacks: that employer owes the month, and nobody else's figures move.
      const person = await admin<{ idNumber: string }>('/api/persons/3');
      const employers = await admin<{ items: { id: number }[] }>('/api/employers?regionCode=110000&limit=5');
      const employerId = employers.items[4]!.id;
      const period = lastMonthOf(environment.today);
      const lastDay = new Date(Date.parse(`${nextMonthOf(period)}-01T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10);
      const file = await staffWriter(baseUrl, 'benefits');
      const filed = await file<{ id: number; applicationNo: string }>('/api/persons/3/applications', {
        kind: 'record-correction',
        facts: {
          what: 'missing-month',
          periods: [period],
          employerId,
          description: '上月在该单位工作，记录中没有这个月。',
        },
      });

      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'benefits');
      await page.goto(`${baseUrl}/staff/applications/${filed.id}`);
      await page.getByRole('heading', { level: 1, name: `待遇申请 ${filed.applicationNo}` }).waitFor();
      const state = () => page.locator('.benefit-page[data-state]').getAttribute('data-state');
      // The request's employer is filled in; the officer gives the spell, its wage and the reason.
      const proposal = page.locator('form#record-correction');
      await pickDate(proposal.getByLabel('入职日期'), `${period}-01`);
      await pickDate(proposal.getByLabel('最后工作日（期间已结束时填写）'), lastDay);
      await proposal.getByLabel('月工资（元，可不填）').fill('8000');
      await proposal.getByLabel('理由代码').fill('missing-month');
      await proposal.getByLabel('理由', { exact: true }).fill('劳动合同和工资发放记录显示上月在该单位工作。');
      await page.getByRole('button', { name: '提交复核' }).click();
      await expect.poll(state).toBe('proposed');
      const correction = page.getByRole('region', { name: '更正权益记录' });
      await expect.poll(() => correction.innerText()).toContain('待复核');
      await screenshot(page, 'benefit-staff-correction-proposed.zh-CN');

      // The proposer cannot approve: said in Chinese, nothing changes.
      await page.getByRole('button', { name: /^通\s?过$/ }).click();
      await expect.poll(() => page.locator('main').innerText()).toContain('提出变更的人不能自己审批');
      expect(await state()).toBe('proposed');
      await page.getByRole('button', { name: /退出登录/ }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/');

      await signInAsStaff(page, baseUrl, 'benefits2');
      await page.goto(`${baseUrl}/staff/applications/${filed.id}`);
      await page.getByRole('heading', { level: 1, name: `待遇申请 ${filed.applicationNo}` }).waitFor();
      await page.getByRole('button', { name: /^通\s?过$/ }).click();
      await expect.poll(state).toBe('decided');
      expect(await page.getByRole('region', { name: '决定' }).innerText()).toContain('准予更正');
      await expect.poll(() => correction.innerText()).toContain('已准予更正');
      const decided = await admin<{
        correction: { adjustments: { period: string; personFen: number; billNo: string }[] };
      }>(`/api/applications/${filed.id}`);
      const adjustments = decided.correction.adjustments;
      expect(adjustments.map((adjustment) => adjustment.period)).toEqual([period]);
      expect(adjustments[0]!.personFen).toBeGreaterThan(0);
      const staffText = await correction.innerText();
      for (const adjustment of adjustments) {
        expect(staffText).toContain(adjustment.billNo);
        expect(staffText).toContain(formatYuan(adjustment.personFen));
      }
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'benefit-staff-correction-granted.phone.zh-CN');

      // The person sees the decision and the months owed, in Chinese and English, on a phone too.
      const personPage = await browser('zh-CN');
      await signInAsPerson(personPage, baseUrl, person.idNumber);
      await personPage.goto(`${baseUrl}/person/applications`);
      const card = personPage.getByRole('article').filter({ hasText: filed.applicationNo });
      await card.waitFor();
      await expect.poll(() => card.innerText()).toContain('准予更正');
      await expect.poll(() => card.locator('.record-correction-adjustments').count()).toBe(1);
      const personText = await card.innerText();
      for (const adjustment of adjustments) expect(personText).toContain(formatYuan(adjustment.personFen));
      expect(personText).not.toContain(adjustments[0]!.billNo);
      await personPage.setViewportSize({ width: 390, height: 844 });
      expect(await fitsTheWidth(personPage)).toBe(true);
      await screenshot(personPage, 'benefit-person-correction-granted.phone.zh-CN');

      const english = await browser('en-US');
      await signInAsPerson(english, baseUrl, person.idNumber);
      await english.goto(`${baseUrl}/person/applications`);
      const englishCard = english.getByRole('article').filter({ hasText: filed.applicationNo });
      await englishCard.waitFor();
      await expect.poll(() => englishCard.innerText()).toContain('Granted');
      await expect.poll(() => englishCard.innerText()).toContain('Your difference (yuan)');
      await screenshot(english, 'benefit-person-correction-granted.en');
    });
  },
);
