// The social security card on the pages (docs/RULES.md 18.2): a person withdraws the application the demo
// left waiting and applies online at phone width, the photo the server refuses marked on its field; a
// collection officer approves the application, sends it to a card bank in a production batch, downloads the
// batch file and imports the bank's return file (a bad row listed by line, the good one producing the card),
// dispatches it to the branch and hands it over; the person shows the electronic card, which the officer
// verifies (18.7), reports it temporarily lost (the card is blocked at once and the same code now fails),
// makes the loss formal and applies for a replacement with the region's fee shown (18.4, 18.5), the page in
// English at the end; the employer applies for new hires in bulk, each row with its outcome (18.3).
import { readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminCookie, demoEmployer } from './demo-data.ts';
import { fitsTheWidth, screenshot, startBrowser, testServers, type BrowserSession } from './harness.ts';
import { signInAsEmployer, signInAsPerson, signInAsStaff } from './sign-in-helpers.ts';

const environment = inject('browserTests');
// The card lifecycle is tested on both databases by the server; the pages need one.
const servers = testServers(environment).filter((server) => server.database === 'sqlite');

const PHONE = { width: 390, height: 844 };
/**
 * The third demo person with a login: the demo leaves their first application waiting for a decision
 * (packages/server/src/demo/demo-cards.ts), which they withdraw here before applying again.
 */
const PERSON_ID = 3;

interface CardView {
  id: number;
  cardNumber: string | null;
  cardNumberMasked: string | null;
  regionCode: string;
  status: string;
  effectiveStatus: string;
  feeFen: number;
  reason: string;
}

/** A small real PNG (8 by 8 grey pixels): what the server takes as a photo. */
function pngPhoto(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.concat(Array.from({ length: 8 }, () => Buffer.from([0, ...Array(8).fill(0x80)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A GET of the signed-in user's own, from inside the page (their session cookie). */
function readAs<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return (await response.json()) as T;
  }, path);
}

/** Confirms the open pop-up confirmation (Ant Design's Popconfirm). */
async function confirmPopup(page: Page): Promise<void> {
  await page
    .locator('.ant-popover:not(.ant-popover-hidden) .ant-popconfirm-buttons .ant-btn-primary')
    .click();
}

describe.skipIf(environment.skipped !== undefined).each(servers)(
  'the social security card: applied for, produced, shown and lost, server on $database',
  (server) => {
    const baseUrl = server.baseUrl;
    const sessions: BrowserSession[] = [];
    const browser = async (locale: 'zh-CN' | 'en-US') => {
      const session = await startBrowser(environment.chromiumPath!, locale);
      sessions.push(session);
      return session.context.newPage();
    };
    let idNumber: string;
    let personPage: Page;
    let staffPage: Page;
    let card: CardView;
    let eCardToken: string;
    /** An employee the employer's applications left without a card (their photo was refused). */
    let withoutCard: { personId: number; name: string; idNumber: string };

    beforeAll(async () => {
      const cookie = await adminCookie(baseUrl);
      const me = await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } });
      const { csrfToken } = (await me.json()) as { csrfToken: string };
      const person = (await (
        await fetch(`${baseUrl}/api/persons/${PERSON_ID}`, {
          headers: { cookie, accept: 'application/json' },
        })
      ).json()) as { idNumber: string };
      idNumber = person.idNumber;
      // A card an earlier run on the same server left is cancelled, so the person applies for a first card
      // here; an application waiting for a decision (the demo's) the person withdraws on the page.
      const cards = (await (
        await fetch(`${baseUrl}/api/persons/${PERSON_ID}/cards`, { headers: { cookie } })
      ).json()) as { items: CardView[] };
      for (const old of cards.items) {
        if (['applied', 'refused', 'lost', 'damaged', 'replaced', 'cancelled'].includes(old.status)) continue;
        const cancelled = await fetch(`${baseUrl}/api/persons/${PERSON_ID}/cards/${old.id}/cancellation`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
          body: JSON.stringify({ reason: 'browser test: start from no card' }),
        });
        expect(cancelled.status).toBe(200);
      }
    });
    afterAll(async () => {
      for (const session of sessions) await session.close();
    });

    it('lets a person withdraw a waiting application and apply online with a photo, the refused photo marked on its field', async () => {
      const page = (personPage = await browser('zh-CN'));
      await page.setViewportSize(PHONE);
      await signInAsPerson(page, baseUrl, idNumber);
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '社保卡' }).click();
      await page.getByRole('heading', { level: 1, name: '社保卡' }).waitFor();
      await page.getByRole('heading', { level: 2, name: '我的社保卡' }).waitFor();
      // The application waiting for a decision is withdrawn by the person.
      const waiting = page.locator('.card-item[data-status="applied"]');
      if (await waiting.count()) {
        const waitingId = await waiting.getAttribute('data-card-id');
        await waiting.getByRole('button', { name: '撤回申请' }).click();
        await confirmPopup(page);
        await page.locator(`.card-item[data-card-id="${waitingId}"][data-status="cancelled"]`).waitFor();
        expect(
          await page.locator(`.card-item[data-card-id="${waitingId}"] .card-history`).innerText(),
        ).toContain('原因：本人撤回申请');
      }
      await page.getByRole('heading', { level: 2, name: '申领社保卡' }).waitFor();

      // A "JPEG" that is not one: the browser cannot tell, the server reads the bytes and names the field.
      const form = page.locator('#person-card-apply');
      await form.locator('input[type="file"]').setInputFiles({
        name: 'photo.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from('this is not a picture, only text pretending to be a JPEG photo of a person'),
      });
      await page.locator('#person-card-apply_branchName').fill('东城区社保服务中心');
      const refused = page.waitForResponse(
        (response) =>
          response.url().endsWith(`/api/persons/${PERSON_ID}/cards`) &&
          response.request().method() === 'POST',
      );
      await form.locator('button[type="submit"]').click();
      expect((await refused).status()).toBe(400);
      const photoError = page.locator('#person-card-apply_photo_help');
      await expect
        .poll(() => photoError.innerText())
        .toBe('照片未通过检查：须为不超过 1 MB 的 JPEG 或 PNG 图片。');
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'cards-person-photo-error.phone.zh-CN');

      // A real PNG: applied, the card on its way with the production clock.
      await form.locator('input[type="file"]').setInputFiles({
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: pngPhoto(),
      });
      const applied = page.waitForResponse(
        (response) =>
          response.url().endsWith(`/api/persons/${PERSON_ID}/cards`) &&
          response.request().method() === 'POST',
      );
      await form.locator('button[type="submit"]').click();
      expect((await applied).status()).toBe(201);
      const item = page.locator('.card-item[data-status="applied"]');
      await item.waitFor();
      const cards = await readAs<{ items: CardView[] }>(page, `/api/persons/${PERSON_ID}/cards`);
      card = cards.items.find((it) => it.status === 'applied')!;
      expect(card.status).toBe('applied');
      expect(await item.getAttribute('data-card-id')).toBe(String(card.id));
      const text = await item.innerText();
      expect(text).toContain('已申请');
      expect(text).toContain('审核通过后分配');
      expect(text).toMatch(/申请次日起 \d+ 个工作日内/);
      expect(text).toContain('首次申领免费');
      expect(text).toContain('网点领取：东城区社保服务中心');
      expect(text).toContain('提交申请');
      // Applying again is not offered while the card is on its way.
      expect(await page.locator('#person-card-apply').count()).toBe(0);
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'cards-person-applied.phone.zh-CN');

      // The person is told in the inbox, and the notice leads back to this page (docs/RULES.md 18.8).
      const inbox = await readAs<{ notices: { id: number; kind: string }[] }>(
        page,
        `/api/persons/${PERSON_ID}/notices?lang=zh-CN`,
      );
      const told = inbox.notices.find((notice) => notice.kind === 'card.status');
      expect(told, 'a card notice').toBeDefined();
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '消息' }).click();
      const notice = page.locator(`.notice-item[data-notice-id="${told!.id}"]`);
      await notice.locator('.notice-toggle').click();
      await notice.getByRole('link', { name: '前往查看' }).click();
      await page.waitForURL((url) => url.pathname === '/person/card');
      await page.locator(`.card-item[data-card-id="${card.id}"]`).waitFor();
    }, 120_000);

    it('lets a collection officer approve, batch, import the bank’s return, dispatch and hand the card over', async () => {
      const page = (staffPage = await browser('zh-CN'));
      await signInAsStaff(page, baseUrl, 'collector');
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '社保卡' }).click();
      await page.getByRole('heading', { level: 1, name: '社保卡业务' }).waitFor();

      // The application is in the region's queue; opened, the photo is beside it; approved, it gets its number.
      const row = page.locator(`.card-queue tr[data-card-id="${card.id}"]`);
      await row.waitFor();
      await row.locator('.card-open').click();
      const drawer = page.locator('.card-drawer');
      const inDrawer = drawer.locator(`.card-item[data-card-id="${card.id}"]`);
      await inDrawer.locator('img.card-photo').waitFor();
      await screenshot(page, 'cards-staff-application.zh-CN');
      await inDrawer.getByRole('button', { name: '审核通过' }).click();
      await drawer.locator(`.card-item[data-card-id="${card.id}"][data-status="approved"]`).waitFor();
      card = (await readAs<{ items: CardView[] }>(page, `/api/persons/${PERSON_ID}/cards`)).items.find(
        (it) => it.id === card.id,
      )!;
      expect(card.cardNumber).toMatch(/^[A-Z]\d{8}$/);
      expect(await inDrawer.locator('.card-number').innerText()).toBe(card.cardNumberMasked);
      await page.keyboard.press('Escape');

      // A production batch for a card bank: every approved card of the region, this one among them.
      await page.getByRole('tab', { name: '制卡批次' }).click();
      await page.locator('#card-batch_bankCode').fill('ICBC');
      const created = page.waitForResponse(
        (response) =>
          response.url().endsWith('/api/cards/production-batches') && response.request().method() === 'POST',
      );
      await page.getByRole('button', { name: '生成制卡批次' }).click();
      const batch = (await (await created).json()) as { id: number; batchNo: string; cards: number };
      expect(batch.cards).toBeGreaterThanOrEqual(1);
      await page.locator('.card-batch-created').getByText(`已生成批次 ${batch.batchNo}`).waitFor();
      const batchRow = page.locator(`.card-batches tr[data-batch-id="${batch.id}"]`);
      await batchRow.waitFor();
      expect(await batchRow.locator('code').nth(1).innerText()).toBe('ICBC');

      // The batch file as the bank gets it names the card.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        batchRow.locator('.card-batch-file').click(),
      ]);
      const file = await readFile((await download.path())!, 'utf8');
      expect(file).toContain(card.cardNumber!);

      // The bank's return: a row with a short account is listed by line and changes nothing; the good
      // row produces the card.
      const returnFile = [
        'card_no,bank_account_no,produced_on',
        `${card.cardNumber},12345,${environment.today}`,
        `${card.cardNumber},6222020200112233445,${environment.today}`,
      ].join('\n');
      const imported = page.waitForResponse((response) =>
        response.url().endsWith(`/production-batches/${batch.id}/returns`),
      );
      await batchRow.locator('input[type="file"]').setInputFiles({
        name: 'return.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(returnFile, 'utf8'),
      });
      expect((await imported).status()).toBe(200);
      const result = page.locator('.card-return');
      await result.waitFor();
      expect(await result.getAttribute('data-produced')).toBe('1');
      expect(await result.getAttribute('data-errors')).toBe('1');
      expect(await result.innerText()).toContain('共 2 行，制成 1 张');
      const errorRow = result.locator('.card-return-errors tbody tr[data-row-key]').first();
      expect(await errorRow.innerText()).toContain('2');
      expect(await errorRow.locator('code').innerText()).toBe('bank_account_no');
      expect(await errorRow.innerText()).toContain('金融账号须为 12 至 19 位数字');
      await screenshot(page, 'cards-staff-return.zh-CN');

      // Produced: dispatched to the branch the person chose, then handed over at the counter.
      await page.getByRole('tab', { name: '申请与卡片' }).click();
      await page.locator('#cards-status').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '已制成' }).click();
      const produced = page.locator(`.card-queue tr[data-card-id="${card.id}"]`);
      await produced.waitFor();
      await produced.locator('.card-open').click();
      const open = drawer.locator(`.card-item[data-card-id="${card.id}"]`);
      await open.locator('[data-status="produced"], .card-status[data-status="produced"]').first().waitFor();
      expect(await open.innerText()).toContain('银行制卡完成');
      await open.getByRole('button', { name: '送达网点' }).click();
      await drawer.locator(`.card-item[data-card-id="${card.id}"][data-status="at_branch"]`).waitFor();
      await open.getByRole('button', { name: '窗口领卡启用' }).click();
      await drawer.locator(`.card-item[data-card-id="${card.id}"][data-status="active"]`).waitFor();
      const history = await open.locator('.card-history').innerText();
      for (const event of ['提交申请', '审核通过', '送银行制卡', '银行制卡完成', '送达网点待领', '领卡启用'])
        expect(history).toContain(event);
      await screenshot(page, 'cards-staff-active.zh-CN');
      await page.setViewportSize(PHONE);
      expect(await fitsTheWidth(page)).toBe(true);
      await page.keyboard.press('Escape');
      await page.setViewportSize({ width: 1280, height: 800 });
    }, 180_000);

    it('shows the person the electronic card, which the officer verifies', async () => {
      const page = personPage;
      await page.goto(`${baseUrl}/person/card`);
      await page.locator('.card-item[data-status="active"]').waitFor();
      const item = page.locator(`.card-item[data-card-id="${card.id}"]`);
      // Produced with the bank account of the return file, shown masked.
      expect(await item.innerText()).toContain('金融账户');
      expect(await item.innerText()).toContain('3445');
      // Benefits are paid to this card from now on (docs/RULES.md 18.9).
      await item.getByRole('button', { name: '设为待遇发放卡' }).click();
      await page.getByText('已设为待遇发放卡。').waitFor();
      await expect.poll(() => item.innerText()).toContain('养老金和失业保险金发放到此卡');
      await page.getByRole('button', { name: '出示电子社保卡' }).click();
      const code = page.locator('.e-card-code');
      await code.locator('canvas, svg').first().waitFor();
      await expect.poll(() => page.locator('.e-card-countdown').innerText()).toMatch(/^\d+ 秒后失效$/);
      eCardToken = await code.locator('.e-card-token code').innerText();
      expect(eCardToken).toMatch(/^SSC1\./);
      expect(await code.innerText()).toContain(card.cardNumberMasked!);
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'cards-person-e-card.phone.zh-CN');

      const staff = staffPage;
      await staff.getByRole('tab', { name: '电子社保卡核验' }).click();
      await staff.locator('#e-card-verify_token').fill(eCardToken);
      await staff
        .getByRole('button', { name: '核 验' })
        .or(staff.getByRole('button', { name: '核验' }))
        .click();
      const verdict = staff.locator('.card-verdict[data-valid="true"]');
      await verdict.waitFor();
      expect(await verdict.innerText()).toContain('有效');
      expect(await verdict.locator('code').innerText()).toBe(card.cardNumberMasked);
      expect(await verdict.innerText()).toContain('*');
      await screenshot(staff, 'cards-staff-e-card-valid.zh-CN');
    }, 120_000);

    it('lets the person report the card lost: blocked at once, then formally, and apply for a replacement with its fee', async () => {
      const page = personPage;
      const item = page.locator(`.card-item[data-card-id="${card.id}"]`);
      await item.getByRole('button', { name: '临时挂失' }).click();
      await confirmPopup(page);
      await page.locator(`.card-item[data-card-id="${card.id}"][data-status="temporarily_lost"]`).waitFor();
      expect(await item.locator('.card-loss-until').innerText()).toMatch(/^\d{4}-\d{2}-\d{2}（当日结束后/);
      expect(await page.getByText('卡上的金融账户请另行联系开户银行冻结。').count()).toBe(1);
      // Blocked at once: no electronic card, and the code shown before fails at the counter.
      expect(await page.locator('.e-card').count()).toBe(0);
      const staff = staffPage;
      await staff.locator('#e-card-verify_token').fill(eCardToken);
      await staff
        .getByRole('button', { name: '核 验' })
        .or(staff.getByRole('button', { name: '核验' }))
        .click();
      const verdict = staff.locator('.card-verdict[data-valid="false"]');
      await verdict.waitFor();
      expect(await verdict.innerText()).toContain('社保卡已挂失冻结。');
      await screenshot(staff, 'cards-staff-e-card-blocked.zh-CN');
      await screenshot(page, 'cards-person-temporary-loss.phone.zh-CN');

      // Made formal: blocked for good; a replacement follows, for the region's fee.
      await item.getByRole('button', { name: '正式挂失' }).click();
      await confirmPopup(page);
      await page.locator(`.card-item[data-card-id="${card.id}"][data-status="lost"]`).waitFor();
      await item.getByRole('button', { name: '补换卡' }).click();
      const replace = page.locator('#person-card-replace');
      await replace.waitFor();
      expect(await page.locator('.card-fee-note').innerText()).toContain(
        '最低生活保障对象和残疾人可免收工本费',
      );
      await replace.locator('input[type="file"]').setInputFiles({
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: pngPhoto(),
      });
      const replaced = page.waitForResponse((response) => response.url().endsWith('/replacement'));
      await replace.locator('button[type="submit"]').click();
      expect((await replaced).status()).toBe(201);
      const cards = await readAs<{ items: CardView[] }>(page, `/api/persons/${PERSON_ID}/cards`);
      const next = cards.items.find((it) => it.id !== card.id && it.status === 'applied')!;
      expect(next.reason).toBe('lost');
      const nextItem = page.locator(`.card-item[data-card-id="${next.id}"]`);
      await nextItem.waitFor();
      const fee = await nextItem.locator('.card-fee').innerText();
      expect(fee).toBe(`¥${(next.feeFen / 100).toFixed(2)}（按本地区补换卡收费标准）`);
      expect(next.feeFen).toBeGreaterThan(0);
      expect(await nextItem.innerText()).toContain('遗失补卡');
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'cards-person-replacement.phone.zh-CN');

      // The same page in English.
      await page.locator('.language-switch').click();
      await page.getByRole('heading', { level: 1, name: 'Social security card' }).waitFor();
      await expect
        .poll(() => nextItem.locator('.card-fee').innerText())
        .toContain('the region’s replacement fee');
      expect(await item.innerText()).toContain('Reported lost');
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'cards-person-replacement.phone.en');
    }, 120_000);

    it('lets the employer apply for its new hires’ cards in bulk, with each row’s outcome', async () => {
      // Two current employees without a login (not the persons the other tests sign in as) and no card.
      const cookie = await adminCookie(baseUrl);
      const read = async <T>(path: string): Promise<T> => {
        const response = await fetch(`${baseUrl}${path}`, {
          headers: { cookie, accept: 'application/json' },
        });
        expect(response.status, path).toBe(200);
        return (await response.json()) as T;
      };
      const employer = await demoEmployer(baseUrl);
      const staff = await read<{ items: { personId: number; name: string; hiredOn: string }[] }>(
        `/api/employers/${employer.id}/staff?current=true&limit=200`,
      );
      const chosen: { personId: number; name: string; idNumber: string }[] = [];
      for (const member of [...staff.items].sort((a, b) => b.hiredOn.localeCompare(a.hiredOn))) {
        if (member.personId <= 3) continue;
        const cards = await read<{ items: CardView[] }>(`/api/persons/${member.personId}/cards`);
        if (cards.items.length) continue;
        const person = await read<{ idNumber: string }>(`/api/persons/${member.personId}`);
        chosen.push({ ...member, idNumber: person.idNumber });
        if (chosen.length === 2) break;
      }
      expect(chosen.length, 'two demo employees without a card').toBe(2);
      const [first, second] = chosen as [(typeof chosen)[0], (typeof chosen)[0]];

      const page = await browser('zh-CN');
      await page.setViewportSize(PHONE);
      await signInAsEmployer(page, baseUrl);
      await page.goto(`${baseUrl}/employer/cards`);
      await page.getByRole('heading', { level: 1, name: '职工社保卡' }).waitFor();
      await page.locator('#employer-cards_branchName').fill('朝阳区社保服务中心');
      const row = (line: number) => page.locator(`.card-employer-row[data-row="${line}"]`);
      const fill = async (
        line: number,
        who: typeof first,
        photo: { name: string; mimeType: string; buffer: Buffer },
      ) => {
        // Many staff: typed to narrow the list to the one (the list shows only what fits).
        await row(line).locator('.ant-select').click();
        await page.keyboard.type(who.name);
        await page
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
          .filter({ hasText: who.name })
          .first()
          .click();
        await row(line).locator('input[id$="_idNumber"]').fill(who.idNumber);
        await row(line).locator('input[type="file"]').setInputFiles(photo);
      };
      const png = { name: 'photo.png', mimeType: 'image/png', buffer: pngPhoto() };
      await fill(1, first, png);
      // The second employee's "JPEG" is text: refused on its own, the first applied all the same.
      await page.getByRole('button', { name: '添加一名职工' }).click();
      await fill(2, second, {
        name: 'photo.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from('not a picture at all, only words in a file that calls itself a JPEG image'),
      });
      // The first employee again: the same application is not made twice.
      await page.getByRole('button', { name: '添加一名职工' }).click();
      await fill(3, first, png);
      const sent = page.waitForResponse((response) => response.url().endsWith('/card-applications'));
      await page.getByRole('button', { name: '提交申领' }).click();
      expect((await sent).status()).toBe(200);
      const results = page.locator('.card-employer-results');
      await results.waitFor();
      const outcomes = await results
        .locator('tbody tr[data-outcome]')
        .evaluateAll((rows) => rows.map((it) => it.getAttribute('data-outcome')));
      expect(outcomes).toEqual(['applied', 'refused', 'already-applied']);
      expect(await results.locator('tbody tr[data-outcome]').nth(1).innerText()).toContain(
        '照片须为不超过 1 MB 的 JPEG 或 PNG 图片。',
      );
      expect(await page.locator('.card-results').innerText()).toContain(
        '共 3 行：已申请 1 行，已有申请 1 行，未受理 1 行。',
      );
      expect(await fitsTheWidth(page)).toBe(true);
      await screenshot(page, 'cards-employer-bulk.phone.zh-CN');
      const cards = await read<{ items: CardView[] }>(`/api/persons/${first.personId}/cards`);
      expect(cards.items.map((it) => [it.status, it.reason])).toEqual([['applied', 'first']]);
      expect((await read<{ items: CardView[] }>(`/api/persons/${second.personId}/cards`)).items).toEqual([]);
      withoutCard = second;
    }, 120_000);

    it('lets a collection officer apply at the counter for a person found by identity number', async () => {
      const page = staffPage;
      await page.goto(`${baseUrl}/staff/cards`);
      await page.getByRole('heading', { level: 1, name: '社保卡业务' }).waitFor();
      await page.locator('#card-counter_idNumber').fill('110105199001010000');
      await page.locator('#card-counter button[type="submit"]').click();
      await page.getByText('本地区没有以此身份证号码登记的人员。').waitFor();
      await page.locator('#card-counter_idNumber').fill(withoutCard.idNumber);
      await page.locator('#card-counter button[type="submit"]').click();
      const drawer = page.locator('.card-drawer');
      await drawer.getByText(`${withoutCard.name}的社保卡`).waitFor();
      const form = drawer.locator('#counter-card-apply');
      await drawer.getByRole('heading', { level: 2, name: '窗口申领社保卡' }).waitFor();
      await form.locator('input[type="file"]').setInputFiles({
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: pngPhoto(),
      });
      await form.locator('#counter-card-apply_branchName').fill('朝阳区社保服务中心');
      const applied = page.waitForResponse(
        (response) =>
          response.url().endsWith(`/api/persons/${withoutCard.personId}/cards`) &&
          response.request().method() === 'POST',
      );
      await form.locator('button[type="submit"]').click();
      expect((await applied).status()).toBe(201);
      const item = drawer.locator('.card-item[data-status="applied"]');
      await item.waitFor();
      expect(await item.innerText()).toContain('窗口办理');
      expect(await drawer.locator('#counter-card-apply').count()).toBe(0);
      await screenshot(page, 'cards-staff-counter.zh-CN');
      await page.keyboard.press('Escape');
    }, 120_000);

    it('lets an auditor read the queue and the batches but act on nothing', async () => {
      const page = await browser('zh-CN');
      await signInAsStaff(page, baseUrl, 'auditor');
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '社保卡' }).click();
      await page.getByRole('heading', { level: 1, name: '社保卡业务' }).waitFor();
      await page.getByText('您的账号只能查看社保卡业务').waitFor();
      // The replacement the person applied for waits in the queue; opened, it offers no decision.
      const cards = await readAs<{ items: CardView[] }>(page, `/api/persons/${PERSON_ID}/cards`);
      const waiting = cards.items.find((it) => it.status === 'applied')!;
      const row = page.locator(`.card-queue tr[data-card-id="${waiting.id}"]`);
      await row.waitFor();
      await row.locator('.card-open').click();
      await page.locator(`.card-drawer .card-item[data-card-id="${waiting.id}"]`).waitFor();
      expect(await page.locator('.card-drawer').getByRole('button', { name: '审核通过' }).count()).toBe(0);
      await page.keyboard.press('Escape');
      // No e-card verification (e-cards.verify), and batches are read only.
      expect(await page.getByRole('tab', { name: '电子社保卡核验' }).count()).toBe(0);
      await page.getByRole('tab', { name: '制卡批次' }).click();
      await page.locator('.card-batches tbody tr[data-batch-id]').first().waitFor();
      expect(await page.locator('#card-batch_bankCode').count()).toBe(0);
      expect(await page.locator('.card-batch-file').count()).toBe(0);
    }, 120_000);
  },
);
