// The medical fund's pages of the staff area (docs/RULES.md 16.4-16.7): a medical officer reads last
// month's statements (the clinic's recovery kept back) and settles and credits the retirees; the hospital
// reads its own statements; an officer clears the demo's open flag, scans, and proposes a finding over a
// duplicate charge settled for the test, is refused deciding it, and a second officer approves it;
// oversight reads without the actions; the counter enrols a resident and is refused for an employee.
// Every amount on the pages is checked against the server's reply.
import { addMonths, assessPenalty, chinaDateOf, formatFenAsYuan } from '@shebao/domain';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pickDate } from './date-picker.ts';
import { DEMO_PASSWORD, uniqueIdNumber } from './demo-data.ts';
import { fitsTheWidth, screenshot, startBrowser, testServers, type BrowserSession } from './harness.ts';
import { signInAsStaff } from './sign-in-helpers.ts';

const environment = inject('browserTests');
// One database is enough for pages whose server side is tested on both (keeps CI time down).
const servers = testServers(environment).filter((server) => server.database === 'sqlite');

interface Statement {
  statementNo: string;
  institutionId: number;
  ledger: string;
  period: string;
  claims: number;
  pooledFen: number;
  accountFen: number;
  cancelled: number;
  cancelledFen: number;
  carriedInFen: number;
  deductedFen: number;
  paidFen: number;
  carriedOutFen: number;
  dueOn: string;
  paidOn: string;
}

interface Review {
  id: number;
  rule: string;
  status: 'open' | 'cleared' | 'finding';
  reviewNote: string | null;
  reviewedBy: string | null;
  claim: { claimNo: string; totalFen: number; pooledFen: number; accountFen: number };
  institution: { id: number; name: string };
}

interface Finding {
  findingNo: string;
  status: 'proposed' | 'approved' | 'rejected';
  institutionId: number | null;
  article: string;
  claimNos: string[];
  lossFen: number;
  multiplePpm: number;
  fineFen: number;
  proposedBy: string;
  decidedBy: string | null;
}

interface Claim {
  claimNo: string;
  person: { id: number };
  pooledFen: number;
  accountFen: number;
}

const STATEMENT_AMOUNTS = [
  'pooledFen',
  'accountFen',
  'cancelledFen',
  'carriedInFen',
  'deductedFen',
  'paidFen',
  'carriedOutFen',
] as const;

/** The exact fen an amount on the page shows (its `data-amount-fen`), the first named so in `scope`. */
async function amount(scope: Locator, name: string): Promise<number> {
  return Number(await scope.locator(`[data-amount="${name}"]`).first().getAttribute('data-amount-fen'));
}

/** Chooses one of Ant Design's button-styled radios by its text (its input itself is hidden). */
async function pick(scope: Locator, text: string): Promise<void> {
  await scope.locator('label.ant-radio-button-wrapper').filter({ hasText: text }).click();
}

/** Chooses a status of a page's Ant Design segmented control by its text. */
async function segment(page: Page, text: string): Promise<void> {
  await page.locator('.ant-segmented-item').filter({ hasText: text }).click();
}

/** The reply to the page's next request to a path (ending so) with a method. */
function replyTo(page: Page, path: string | RegExp, method = 'POST') {
  return page.waitForResponse(
    (response) =>
      response.request().method() === method &&
      (typeof path === 'string' ? response.url().endsWith(path) : path.test(response.url())),
  );
}

/** The administrator's API session for the test's own reads and writes (logins are rate-limited). */
async function adminApi(baseUrl: string) {
  const login = await fetch(`${baseUrl}/api/auth/login/staff`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userName: 'admin', password: DEMO_PASSWORD }),
  });
  expect(login.status, 'admin logs in').toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = {
    cookie,
    accept: 'application/json',
    'content-type': 'application/json',
    'x-csrf-token': csrfToken,
  };
  return {
    get: async <T>(path: string): Promise<T> => {
      const response = await fetch(`${baseUrl}${path}`, { headers });
      expect(response.status, path).toBe(200);
      return (await response.json()) as T;
    },
    post: (path: string, body: unknown, extra: Record<string, string> = {}) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { ...headers, ...extra },
        body: JSON.stringify(body),
      }),
  };
}
type AdminApi = Awaited<ReturnType<typeof adminApi>>;

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'medical fund pages: settlement, supervision, enrolment, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    const sessions: BrowserSession[] = [];
    const browser = async (locale: 'zh-CN' | 'en-US') => {
      const session = await startBrowser(environment.chromiumPath!, locale);
      sessions.push(session);
      return session.context.newPage();
    };
    let admin: AdminApi;
    let today = environment.today;
    let lastMonth = '';
    let hospitalId = 0;
    let clinicId = 0;
    /** An employee who was a patient of the hospital (the counter refuses to enrol them as a resident). */
    let employee: { id: number; idNumber: string };
    /** A resident registered for the test, not enrolled yet. */
    let residentId = 0;
    /** A claim settled for the test that charges one item twice. */
    let duplicate: Claim;
    /** The finding the officer proposes over it. */
    let proposed: Finding | undefined;

    beforeAll(async () => {
      const health = (await (await fetch(`${baseUrl}/api/health`)).json()) as { time: string };
      today = chinaDateOf(new Date(health.time));
      lastMonth = addMonths(today.slice(0, 7), -1);
      admin = await adminApi(baseUrl);
      const institutions = await admin.get<{ items: { id: number; code: string }[] }>(
        '/api/medical/institutions?regionCode=110000',
      );
      hospitalId = institutions.items.find((institution) => institution.code === 'H11010500001')!.id;
      clinicId = institutions.items.find((institution) => institution.code === 'H11010500003')!.id;
      // The hospital's first demo patient, an employee whose premiums are paid.
      const claims = await admin.get<{ items: Claim[] }>(`/api/medical/claims?institutionId=${hospitalId}`);
      const first = claims.items.at(-1)!;
      employee = await admin.get<{ id: number; idNumber: string }>(`/api/persons/${first.person.id}`);
      // The same scan charged twice on one visit today, taken by hand for the hospital (officers may):
      // the scan's "same item twice" rule catches it.
      const ct = { code: '002701000010000', name: '计算机体层扫描（胸部）', itemClass: 'full', quantity: 1 };
      const settled = await admin.post(
        '/api/medical/claims',
        {
          institutionId: hospitalId,
          idNumber: employee.idNumber,
          kind: 'outpatient',
          visitDate: today,
          items: [
            { ...ct, amountFen: 120_000 },
            { ...ct, amountFen: 120_000 },
          ],
          useAccount: false,
        },
        { 'idempotency-key': `browser-duplicate-${Date.now()}` },
      );
      expect(settled.status).toBe(201);
      duplicate = (await settled.json()) as Claim;
      expect(duplicate.pooledFen, 'the fund pays part of the duplicate claim').toBeGreaterThan(0);
      // A resident for the counter to enrol.
      const registered = await admin.post('/api/persons', {
        idNumber: uniqueIdNumber(),
        name: '岳居民',
        hukouRegionCode: '110105',
        hukouType: 'rural',
        category: 'resident',
        regionCode: '110000',
      });
      expect(registered.status).toBe(201);
      residentId = ((await registered.json()) as { person: { id: number } }).person.id;
    });
    afterAll(async () => {
      for (const session of sessions) await session.close();
    });

    it('shows the medical officer last month’s statements as the server drew them, the clinic’s recovery kept back', async () => {
      const statements = await admin.get<{ items: Statement[] }>(
        `/api/medical/settlements?regionCode=110000&period=${lastMonth}`,
      );
      expect(statements.items.length, 'the demo settled last month').toBeGreaterThan(0);
      const findings = await admin.get<{ items: Finding[] }>(
        '/api/medical/findings?regionCode=110000&status=approved',
      );
      const demoFinding = findings.items.find((finding) => finding.institutionId === clinicId)!;
      expect(demoFinding, 'the demo’s approved finding against the clinic').toBeDefined();

      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'medical');
      const nav = page.getByRole('navigation', { name: '主导航' });
      for (const entry of ['定点医药机构', '医保月结算', '疑点审核', '违规查处'])
        await nav.getByRole('link', { name: entry, exact: true }).waitFor();
      await nav.getByRole('link', { name: '医保月结算', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '医保月结算' }).waitFor();
      const [year, month] = lastMonth.split('-').map(Number);
      await page.getByRole('heading', { level: 2, name: `${year}年${month}月的结算单` }).waitFor();
      const table = page.locator('.medical-statements');
      await table.locator('tr[data-statement-no]').first().waitFor();
      expect(await table.locator('tr[data-statement-no]').count()).toBe(statements.items.length);
      for (const statement of statements.items) {
        const row = table.locator(`tr[data-statement-no="${statement.statementNo}"]`);
        for (const name of STATEMENT_AMOUNTS)
          expect(await amount(row, name), `${statement.statementNo} ${name}`).toBe(statement[name]);
        expect(await row.locator('[data-cancelled]').getAttribute('data-cancelled')).toBe(
          String(statement.cancelled),
        );
        const text = await row.innerText();
        expect(text).toContain(statement.dueOn);
        expect(text).toContain(statement.paidOn);
        expect(text).toContain('职工医保基金');
      }
      // The total row adds the paid amounts up exactly.
      const paid = statements.items.reduce((sum, statement) => sum + statement.paidFen, 0);
      expect(await amount(table.locator('.medical-statements-total'), 'total-paidFen')).toBe(paid);
      // The clinic's statement kept back the recovery of the approved finding against it.
      const clinic = statements.items.find((statement) => statement.institutionId === clinicId)!;
      expect(clinic.deductedFen).toBe(demoFinding.lossFen);
      const clinicRow = table.locator(`tr[data-statement-no="${clinic.statementNo}"]`);
      expect(await amount(clinicRow, 'deductedFen')).toBe(demoFinding.lossFen);
      expect(await clinicRow.innerText()).toContain('望京演示社区卫生服务中心');
      await screenshot(page, 'medical-settlements.zh-CN');

      // Settling last month again draws nothing and pays nothing twice.
      const settleLast = page.getByRole('button', { name: `办理${year}年${month}月的月结算` });
      const [again] = await Promise.all([replyTo(page, '/api/medical/settlements'), settleLast.click()]);
      expect(again.status()).toBe(200);
      expect(((await again.json()) as { drawn: number }).drawn).toBe(0);
      const outcome = page.locator('.medical-settle-month [role="status"]');
      await outcome.waitFor();
      expect(await outcome.getAttribute('data-drawn')).toBe('0');
      expect(await outcome.innerText()).toContain('已经结算过');

      // This month has not ended: the table is empty and settling it is refused, with the reason.
      const thisMonth = today.slice(0, 7);
      await pickDate(page.getByLabel('月份', { exact: true }), thisMonth);
      const [thisYear, thisMonthNumber] = thisMonth.split('-').map(Number);
      await page
        .getByRole('heading', { level: 2, name: `${thisYear}年${thisMonthNumber}月的结算单` })
        .waitFor();
      await expect.poll(() => table.locator('tr[data-statement-no]').count()).toBe(0);
      const [refused] = await Promise.all([
        replyTo(page, '/api/medical/settlements'),
        page.getByRole('button', { name: `办理${thisYear}年${thisMonthNumber}月的月结算` }).click(),
      ]);
      expect(refused.status()).toBe(400);
      const alert = page.locator('.medical-settle-month [role="alert"]');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('未能办理月结算');
      expect(await alert.innerText()).toContain(
        `${thisYear}年${thisMonthNumber}月尚未结束，月结算须在该月结束后办理。`,
      );

      // This month's retiree credits ran in the demo: running them again credits nobody twice.
      const credits = page.locator('.medical-retiree-credits');
      const [run] = await Promise.all([
        replyTo(page, '/api/medical/retiree-credits'),
        credits.getByRole('button', { name: '办理退休人员个人账户划入' }).click(),
      ]);
      expect(run.status()).toBe(200);
      const credited = (await run.json()) as { credited: number; amountFen: number; short: number };
      expect(credited).toMatchObject({ credited: 0, amountFen: 0 });
      const result = credits.locator('.medical-retiree-credit-run');
      await result.waitFor();
      expect(await result.locator('[data-credited]').getAttribute('data-credited')).toBe('0');
      expect(await amount(result, 'amountFen')).toBe(credited.amountFen);
      expect(await result.locator('[data-short]').innerText()).toBe(`${credited.short} 人`);
      expect(await result.innerText()).toContain('该月已划入的人员不再重复划入。');
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'medical-settlements.phone.zh-CN');
      await page.setViewportSize({ width: 1280, height: 800 });

      // The clinic's page lists its statements too.
      await page.goto(`${baseUrl}/staff/medical/institutions/${clinicId}`);
      const own = page.locator(
        `section[aria-labelledby="institution-statements"] tr[data-statement-no="${clinic.statementNo}"]`,
      );
      await own.waitFor();
      expect(await amount(own, 'deductedFen')).toBe(clinic.deductedFen);
      expect(await amount(own, 'paidFen')).toBe(clinic.paidFen);
    });

    it('shows the hospital’s counter account its own monthly statements, in English', async () => {
      const statements = await admin.get<{ items: Statement[] }>(
        `/api/medical/institutions/${hospitalId}/statements`,
      );
      expect(statements.items.length).toBeGreaterThan(0);
      const page = await browser('en-US');
      await signInAsStaff(page, baseUrl, 'hospital');
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Monthly statements', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Monthly statements' }).waitFor();
      const rows = page.locator('.medical-statements tr[data-statement-no]');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(statements.items.length);
      for (const statement of statements.items) {
        const row = page.locator(`.medical-statements tr[data-statement-no="${statement.statementNo}"]`);
        for (const name of STATEMENT_AMOUNTS)
          expect(await amount(row, name), `${statement.statementNo} ${name}`).toBe(statement[name]);
        expect(await row.innerText()).toContain("Employees' medical fund");
      }
      await screenshot(page, 'medical-institution-statements.en');
    });

    it('lets the medical officer clear the open flag, scan, and propose a finding over a new one, but not decide it', async () => {
      const open = await admin.get<{ items: Review[] }>('/api/medical/reviews?regionCode=110000&status=open');
      const twoPlaces = open.items.find((flag) => flag.rule === 'two-places')!;
      expect(twoPlaces, 'the demo leaves a two-places flag in the queue').toBeDefined();

      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'medical');
      await page
        .getByRole('navigation', { name: '主导航' })
        .getByRole('link', { name: '疑点审核', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: '医保基金疑点审核' }).waitFor();
      const flagRow = page.locator(`.medical-reviews tr[data-flag-id="${twoPlaces.id}"]`);
      await flagRow.waitFor();
      expect(await flagRow.locator('[data-rule]').innerText()).toBe('住院期间异地就诊');
      expect(await flagRow.innerText()).toContain('就诊时正在北京演示第一人民医院住院');
      expect(await amount(flagRow, 'totalFen')).toBe(twoPlaces.claim.totalFen);
      expect(await amount(flagRow, 'pooledFen')).toBe(twoPlaces.claim.pooledFen);
      await screenshot(page, 'medical-reviews.zh-CN');

      // Cleared with the note of what was checked.
      const note = '已核实：门诊就诊为住院期间经批准的外出检查';
      await flagRow.getByRole('button', { name: '排除疑点' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('审核意见').fill(note);
      const [cleared] = await Promise.all([
        replyTo(page, `/api/medical/reviews/${twoPlaces.id}/clearance`),
        dialog.getByRole('button', { name: '确认排除疑点' }).click(),
      ]);
      expect(cleared.status()).toBe(200);
      await page
        .getByRole('status')
        .filter({ hasText: `已排除结算单 ${twoPlaces.claim.claimNo} 的疑点。` })
        .waitFor();
      await flagRow.waitFor({ state: 'detached' });
      const after = await admin.get<{ items: Review[] }>(
        '/api/medical/reviews?regionCode=110000&status=cleared',
      );
      expect(after.items.find((flag) => flag.id === twoPlaces.id)).toMatchObject({
        status: 'cleared',
        reviewNote: note,
        reviewedBy: 'staff:medical',
      });
      await segment(page, '已排除');
      const clearedRow = page.locator(`.medical-reviews tr[data-flag-id="${twoPlaces.id}"]`);
      expect(await clearedRow.locator('[data-review-note]').innerText()).toBe(note);
      await segment(page, '待审核');

      // The scan over last month and this: what each rule caught, as the server answers it.
      const scanForm = page.locator('.medical-scan');
      const [scanned] = await Promise.all([
        replyTo(page, '/api/medical/reviews/scan'),
        scanForm.getByRole('button', { name: '运行筛查' }).click(),
      ]);
      expect(scanned.status()).toBe(200);
      const scan = (await scanned.json()) as {
        from: string;
        to: string;
        caught: Record<string, number>;
        flagged: number;
      };
      expect(scan).toMatchObject({ from: `${lastMonth}-01`, to: today });
      expect(scan.caught['same-item-twice'], 'the demo’s duplicate and the test’s').toBeGreaterThanOrEqual(2);
      expect(scan.flagged, 'the test’s duplicate is new').toBeGreaterThanOrEqual(1);
      const result = scanForm.locator('.medical-scan-result');
      await result.waitFor();
      for (const [rule, count] of Object.entries(scan.caught))
        expect(await result.locator(`[data-caught="${rule}"]`).getAttribute('data-count'), rule).toBe(
          String(count),
        );
      expect(await result.locator('[data-flagged]').getAttribute('data-flagged')).toBe(String(scan.flagged));
      expect(await result.innerText()).toContain('同日重复收费');

      // The new flag on the duplicate claim, selected for a finding against the hospital.
      const newRow = page.locator(
        `.medical-reviews tr[data-claim-no="${duplicate.claimNo}"]:has([data-rule="same-item-twice"])`,
      );
      await newRow.waitFor();
      expect(await newRow.locator('[data-rule]').innerText()).toBe('同日重复收费');
      expect(await newRow.innerText()).toContain('在就诊当日重复收费（同一结算单内）');
      await newRow.getByRole('checkbox', { name: `选择疑点 ${duplicate.claimNo}` }).check();
      const form = page.locator('form#propose-finding');
      await form.waitFor();
      expect(await form.locator('[data-subject]').innerText()).toBe('处理对象：北京演示第一人民医院');
      expect(await amount(form, 'standingFen')).toBe(duplicate.pooledFen + duplicate.accountFen);
      // What each article allows.
      const article = (number: number) =>
        form.locator('.medical-article').filter({ hasText: `第 ${number} 条` });
      expect(await article(38).innerText()).toContain(
        '罚款为损失金额的 1–2 倍；可暂停医保服务协议 6–12 个月',
      );
      expect(await article(40).innerText()).toContain(
        '罚款为损失金额的 2–5 倍；可暂停医保服务协议 6–12 个月（也可不暂停）；或解除医保服务协议',
      );
      await pick(form, '参保人员');
      expect(await article(41).innerText()).toContain(
        '罚款为损失金额的 2–5 倍；可暂停医疗费用联网直接结算 3–12 个月',
      );
      expect(await article(88).innerText()).toContain('《中华人民共和国社会保险法》');
      expect(await article(88).innerText()).toContain('不暂停结算');
      await pick(form, '定点医药机构');
      await form.getByRole('radio', { name: /第 38 条/ }).check();
      await form.getByLabel('违规事实').fill('同一计算机体层扫描项目同日重复收费');
      const lossFen = duplicate.pooledFen;
      await form.getByLabel('医保基金损失金额（元）').fill(formatFenAsYuan(lossFen));
      // Three times is more than Art. 38 allows; one and a half is within it.
      await form.getByLabel('罚款倍数').fill('3');
      await form.getByText('罚款倍数超出所选依据规定的范围。').waitFor();
      await form.getByLabel('罚款倍数').fill('1.5');
      await form.getByText('罚款倍数超出所选依据规定的范围。').waitFor({ state: 'detached' });
      const expected = assessPenalty({
        article: 'MFR Art. 38',
        subject: 'institution',
        lossFen,
        multiplePpm: 1_500_000,
        suspensionMonths: 0,
        terminate: false,
      });
      const preview = form.locator('.medical-penalty-preview');
      await preview.waitFor();
      expect(await amount(preview, 'lossFen')).toBe(lossFen);
      expect(await amount(preview, 'fineFen')).toBe(expected.fineFen);
      await screenshot(page, 'medical-finding-form.zh-CN');
      const [made] = await Promise.all([
        replyTo(page, '/api/medical/findings'),
        form.getByRole('button', { name: '提交违规处理意见' }).click(),
      ]);
      expect(made.status()).toBe(201);
      proposed = (await made.json()) as Finding;
      expect(proposed).toMatchObject({
        status: 'proposed',
        institutionId: hospitalId,
        article: 'MFR Art. 38',
        claimNos: [duplicate.claimNo],
        lossFen,
        multiplePpm: 1_500_000,
        fineFen: expected.fineFen,
        proposedBy: 'staff:medical',
      });
      const done = page.locator(`[role="status"][data-finding-no="${proposed.findingNo}"]`);
      await done.waitFor();
      expect(await done.innerText()).toContain('须由另一位医保经办人员复核批准后执行');
      await newRow.waitFor({ state: 'detached' });

      // The proposer cannot decide their own finding: the server refuses, and the page says why.
      await done.getByRole('link', { name: '查看违规处理 →' }).click();
      await page.getByRole('heading', { level: 1, name: '违规查处' }).waitFor();
      const card = page.locator(`.medical-finding-card[data-finding-no="${proposed.findingNo}"]`);
      await card.waitFor();
      expect(await card.locator('[data-status]').first().innerText()).toBe('待复核');
      expect(await amount(card, 'fineFen')).toBe(expected.fineFen);
      expect(await card.locator('[data-own-finding]').innerText()).toContain('须由另一位医保经办人员复核');
      const [own] = await Promise.all([
        replyTo(page, `/api/medical/findings/${proposed.findingNo}/decision`),
        card.getByRole('button', { name: '批准并执行处理' }).click(),
      ]);
      expect(own.status()).toBe(403);
      const refusal = card.getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.innerText()).toContain('未能复核');
      expect(await refusal.innerText()).toContain('提出变更的人不能自己审批，须由另一位经办人员审批。');
      await screenshot(page, 'medical-finding-own-refused.zh-CN');
      const still = await admin.get<{ items: Finding[] }>(
        '/api/medical/findings?regionCode=110000&status=proposed',
      );
      expect(still.items.map((finding) => finding.findingNo)).toContain(proposed.findingNo);
    });

    it('lets a second officer approve the finding, shown approved with its penalty, in English', async () => {
      expect(proposed, 'the finding the officer proposed').toBeDefined();
      const page = await browser('en-US');
      await signInAsStaff(page, baseUrl, 'medical2');
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Findings', exact: true })
        .click();
      const card = page.locator(`.medical-finding-card[data-finding-no="${proposed!.findingNo}"]`);
      await card.waitFor();
      expect(await card.locator('[data-status]').first().innerText()).toBe('Awaiting a second officer');
      expect(await card.locator('[data-own-finding]').count()).toBe(0);
      await card.getByLabel('Note (optional)').fill('Checked against the claim’s items');
      const [decided] = await Promise.all([
        replyTo(page, `/api/medical/findings/${proposed!.findingNo}/decision`),
        card.getByRole('button', { name: 'Approve and apply' }).click(),
      ]);
      expect(decided.status()).toBe(200);
      await page
        .getByRole('status')
        .filter({ hasText: `Finding ${proposed!.findingNo} approved` })
        .waitFor();
      await expect
        .poll(() => card.locator('[data-status]').first().getAttribute('data-status'))
        .toBe('approved');
      expect(await card.locator('[data-status]').first().innerText()).toBe('Approved and applied');
      expect(await card.locator('[data-decided-by]').getAttribute('data-decided-by')).toBe('staff:medical2');
      expect(await amount(card, 'lossFen')).toBe(proposed!.lossFen);
      expect(await amount(card, 'fineFen')).toBe(proposed!.fineFen);
      expect(await card.innerText()).toContain(
        'Regulations on the Supervision of the Medical Security Fund (MFR) Art. 38',
      );
      expect(await card.locator('.medical-steps').innerText()).toContain(
        `fine 1.5 × ${formatFenAsYuan(proposed!.lossFen)} = ${formatFenAsYuan(proposed!.fineFen)}`,
      );
      // The findings page filtered to the approved ones lists it.
      await segment(page, 'Approved and applied');
      await card.waitFor();
      await screenshot(page, 'medical-findings.en');

      const approved = await admin.get<{ items: Finding[] }>(
        '/api/medical/findings?regionCode=110000&status=approved',
      );
      expect(approved.items.find((finding) => finding.findingNo === proposed!.findingNo)).toMatchObject({
        status: 'approved',
        decidedBy: 'staff:medical2',
      });
      const taken = await admin.get<{ items: Review[] }>(
        '/api/medical/reviews?regionCode=110000&status=finding',
      );
      expect(taken.items.some((flag) => flag.claim.claimNo === duplicate.claimNo)).toBe(true);
    });

    it('lets oversight read the fund pages without their actions', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'auditor');
      const nav = page.getByRole('navigation', { name: '主导航' });
      await nav.getByRole('link', { name: '医保月结算', exact: true }).click();
      await page.locator('.medical-statements tr[data-statement-no]').first().waitFor();
      expect(await page.getByRole('button', { name: /月结算|账户划入/ }).count()).toBe(0);
      await nav.getByRole('link', { name: '疑点审核', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '医保基金疑点审核' }).waitFor();
      await segment(page, '已立案');
      await page
        .locator(
          `.medical-reviews tr[data-claim-no="${duplicate.claimNo}"]:has([data-rule="same-item-twice"])`,
        )
        .waitFor();
      expect(await page.locator('.medical-reviews .ant-checkbox').count()).toBe(0);
      expect(await page.getByRole('button', { name: '运行筛查' }).count()).toBe(0);
      await nav.getByRole('link', { name: '违规查处', exact: true }).click();
      await page.locator('.medical-finding-card').first().waitFor();
      expect(await page.getByRole('button', { name: '批准并执行处理' }).count()).toBe(0);
    });

    it('enrols a resident at the counter with the end of the waiting period, and refuses an employee', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'collector');
      await page.goto(`${baseUrl}/staff/persons/${residentId}/medical`);
      const form = page.locator('form#resident-enrolment');
      await form.waitFor();
      expect(await form.getByLabel('参保年度').inputValue()).toBe(today.slice(0, 4));
      expect(await form.getByLabel('缴费日期').inputValue()).toBe(today);
      await form.getByLabel('个人缴费金额（元）').fill('400');
      const [enrolled] = await Promise.all([
        replyTo(page, `/api/persons/${residentId}/resident-enrolments`),
        form.getByRole('button', { name: '登记参保缴费' }).click(),
      ]);
      expect(enrolled.status()).toBe(201);
      const enrolment = (await enrolled.json()) as { year: number; amountFen: number; coveredFrom: string };
      expect(enrolment).toMatchObject({ year: Number(today.slice(0, 4)), amountFen: 40_000 });
      expect(enrolment.coveredFrom > today, 'enrolled outside the concentrated period, it waits').toBe(true);
      const result = form.locator('.medical-enrolment-result');
      await result.waitFor();
      expect(await result.getAttribute('data-covered-from')).toBe(enrolment.coveredFrom);
      expect(await result.getByRole('status').innerText()).toContain(
        `已登记 ${enrolment.year} 年度参保，自 ${enrolment.coveredFrom} 起享受医保待遇。`,
      );
      expect(await amount(result, 'amountFen')).toBe(40_000);
      expect(await result.locator('.medical-steps').innerText()).toContain('固定等待期 3 个月');
      // The account's enrolments list it, as the server keeps it.
      const row = page.locator('.medical-enrolments .ant-table-row').first();
      await row.waitFor();
      expect(await row.locator('[data-covered-from]').innerText()).toBe(enrolment.coveredFrom);
      const account = await admin.get<{ enrolments: { year: number; coveredFrom: string }[] }>(
        `/api/persons/${residentId}/medical-account`,
      );
      expect(account.enrolments).toContainEqual(
        expect.objectContaining({ coveredFrom: enrolment.coveredFrom }),
      );
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(() => fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'medical-resident-enrolled.phone.zh-CN');
      await page.setViewportSize({ width: 1280, height: 800 });

      // An employee is in the employees' scheme: the server refuses, and the page says why.
      await page.goto(`${baseUrl}/staff/persons/${employee.id}/medical`);
      const refusedForm = page.locator('form#resident-enrolment');
      await refusedForm.getByLabel('个人缴费金额（元）').fill('400');
      const [refused] = await Promise.all([
        replyTo(page, `/api/persons/${employee.id}/resident-enrolments`),
        refusedForm.getByRole('button', { name: '登记参保缴费' }).click(),
      ]);
      expect(refused.status()).toBe(422);
      const alert = refusedForm.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('未能登记参保');
      expect(await alert.innerText()).toContain('不属于城乡居民医保，不能办理居民参保登记');
    });
  },
);
