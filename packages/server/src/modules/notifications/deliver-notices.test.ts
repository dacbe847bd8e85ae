import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/index.ts';
import { startSmsReceiver, startSmtpReceiver } from '../../testing/notice-receivers.ts';
import { deliverNotices } from './deliver-notices.ts';
import { createEmailChannel } from './email-channel.ts';
import { enqueueNotices } from './enqueue-notices.ts';
import type { NotificationDeps } from './notifications-deps.ts';
import { readInbox } from './read-inbox.ts';
import { saveNoticeSettings } from './notice-settings.ts';
import { createSmsChannel } from './sms-channel.ts';
import type { NoticeKind, NoticeLanguage, NoticeParams } from './notice-kinds.ts';
import { renderNotice, SMS_TEMPLATE_IDS } from './notice-templates.ts';

/** One realistic notice of each kind. */
const KIND_FACTS: Record<NoticeKind, NoticeParams> = {
  'contribution.credited': { period: '2026-10', payer: '南昌示范机械有限公司', amountFen: 123_456 },
  'contribution.unpaid': {
    period: '2026-10',
    payer: '南昌示范机械有限公司',
    dueOn: '2026-11-15',
    owedFen: 98_765,
  },
  'payment.voucher': {
    paymentNo: 'PAY20261115AB12',
    amountFen: 150_000,
    paidOn: '2026-11-15',
    periods: '2026-10',
  },
  'monthly.details': {
    period: '2026-10',
    employer: '示范机械',
    baseFen: 800_000,
    employeeFen: 88_000,
    employerFen: 240_000,
    paid: 'yes',
  },
  'monthly.unreached': { period: '2026-10', sent: 3, unreached: 1, names: '王五（110105********1234）' },
  'statement.yearly': {
    year: '2025',
    code: 'ABCD-EFGH-JKMN-PQRS',
    url: 'https://si.example.cn/verify/ABCD-EFGH-JKMN-PQRS',
  },
  'benefit.status': {
    applicationNo: 'AP2026111500000012',
    benefitKind: 'pension',
    event: 'decided-award',
    note: null,
  },
  'card.status': {
    event: 'at_branch',
    cardNumber: 'D5800****',
    dueOn: null,
    feeFen: null,
    place: '南昌市社保大厅',
  },
};

let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let gateway: Awaited<ReturnType<typeof startSmsReceiver>>;
beforeAll(async () => {
  smtp = await startSmtpReceiver();
  gateway = await startSmsReceiver();
});
afterAll(async () => {
  await smtp.close();
  await gateway.close();
});

describeEachDatabase('delivering notices', (getDb) => {
  let now = new Date('2026-12-01T02:00:00Z');
  const deps = (): NotificationDeps => ({
    db: getDb(),
    clock: { now: () => new Date(now) },
    channels: {
      email: createEmailChannel({ smtpUrl: smtp.url, from: 'Shebao <notices@shebao.test>' }),
      sms: createSmsChannel({ url: gateway.url, token: 'gateway-secret', signature: '社保' }),
    },
    retry: { firstDelayMs: 60_000, maxDelayMs: 600_000, maxAttempts: 3 },
    perSecond: { email: 1000, sms: 1000 },
    publicBaseUrl: 'https://si.example.cn',
  });
  const credited = (personId: number, period: string) => ({
    recipient: { kind: 'person' as const, id: personId },
    kind: 'contribution.credited' as const,
    eventKey: `credited:${personId}:${period}`,
    regionCode: '360100',
    params: { period, payer: '南昌示范机械有限公司', amountFen: 123456 },
    link: '/person/record',
  });

  it('sends each notice once on each channel the person chose, in their language', async () => {
    smtp.messages.length = 0;
    gateway.reset();
    const db = getDb();
    await saveNoticeSettings(
      db,
      { kind: 'person', id: 9001 },
      {
        email: 'zhang@example.cn',
        phone: '13800138000',
        emailEnabled: true,
        smsEnabled: true,
        language: 'zh-CN',
      },
      'person',
      now,
    );
    await saveNoticeSettings(
      db,
      { kind: 'person', id: 9002 },
      { email: 'li@example.cn', phone: null, emailEnabled: true, smsEnabled: false, language: 'en' },
      'person',
      now,
    );
    expect(
      await enqueueNotices(db, now, [
        credited(9001, '2026-10'),
        credited(9002, '2026-10'),
        credited(9003, '2026-10'),
      ]),
    ).toBe(3);
    // The same events again write nothing.
    expect(await enqueueNotices(db, now, [credited(9001, '2026-10')])).toBe(0);

    const round = await deliverNotices(deps());
    expect(round).toEqual({ dispatched: 3, sent: 3, retrying: 0, failed: 0 });
    expect(await deliverNotices(deps())).toEqual({ dispatched: 0, sent: 0, retrying: 0, failed: 0 });

    expect(smtp.messages).toHaveLength(2);
    const zh = smtp.messages.find((mail) => mail.subject?.includes('社保'))!;
    expect(zh.text).toContain('申报 ✓ → 核定 ✓ → 缴费 ✓ → 记账 ✓，合计 1234.56元');
    expect(zh.text).toContain('https://si.example.cn/person/record');
    const en = smtp.messages.find((mail) => mail.subject === '2026-10 contributions credited')!;
    expect(en.text).toContain('declared ✓ → assessed ✓ → paid ✓ → credited ✓ (CNY 1234.56 in all)');
    expect(gateway.messages).toHaveLength(1);
    const sms = gateway.messages[0]!;
    expect(sms.headers.authorization).toBe('Bearer gateway-secret');
    expect(sms.body).toMatchObject({
      to: '13800138000',
      template: 'SB_CREDITED',
      language: 'zh-CN',
      segments: 1,
    });
    expect(sms.body.text).toBe('【社保】您2026-10社保费已记账：申报→核定→缴费→记账，合计1234.56元。');

    // The person with no channel has the notice in the inbox only.
    const inbox = await readInbox(db, { kind: 'person', id: 9003 }, { limit: 10 });
    expect(inbox.notices).toHaveLength(1);
    expect(inbox.notices[0]).toMatchObject({ kind: 'contribution.credited', deliveries: [], readAt: null });
    const chosen = await readInbox(db, { kind: 'person', id: 9001 }, { limit: 10, lang: 'en' });
    expect(chosen.notices[0]!.title).toBe('2026-10 contributions credited');
    expect(chosen.notices[0]!.deliveries.map((it) => [it.channel, it.address, it.status])).toEqual([
      ['email', 'z***@example.cn', 'sent'],
      ['sms', '138****8000', 'sent'],
    ]);
  });

  it('retries with a growing wait while the servers are down and delivers later, once', async () => {
    smtp.messages.length = 0;
    gateway.messages.length = 0;
    const db = getDb();
    smtp.down = true;
    gateway.down = true;
    await enqueueNotices(db, now, [credited(9001, '2026-11')]);
    expect(await deliverNotices(deps())).toEqual({ dispatched: 2, sent: 0, retrying: 2, failed: 0 });
    // Not due again before the first wait has passed.
    now = new Date(now.getTime() + 30_000);
    expect(await deliverNotices(deps())).toEqual({ dispatched: 0, sent: 0, retrying: 0, failed: 0 });
    now = new Date(now.getTime() + 31_000);
    expect(await deliverNotices(deps())).toEqual({ dispatched: 0, sent: 0, retrying: 2, failed: 0 });
    smtp.down = false;
    gateway.down = false;
    now = new Date(now.getTime() + 120_000);
    expect(await deliverNotices(deps())).toEqual({ dispatched: 0, sent: 2, retrying: 0, failed: 0 });
    now = new Date(now.getTime() + 3_600_000);
    expect(await deliverNotices(deps())).toEqual({ dispatched: 0, sent: 0, retrying: 0, failed: 0 });
    expect(smtp.messages.map((mail) => mail.subject)).toEqual(['2026-11 社保缴费已记账']);
    expect(gateway.messages).toHaveLength(1);
    const inbox = await readInbox(db, { kind: 'person', id: 9001 }, { limit: 1 });
    expect(inbox.notices[0]!.deliveries.map((it) => [it.status, it.attempts])).toEqual([
      ['sent', 3],
      ['sent', 3],
    ]);
  });

  it('gives a delivery up after its last attempt; the notice stays in the inbox', async () => {
    const db = getDb();
    gateway.down = true;
    await enqueueNotices(db, now, [credited(9001, '2026-12')]);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await deliverNotices({ ...deps(), channels: { sms: deps().channels.sms! } });
      now = new Date(now.getTime() + 3_600_000);
    }
    gateway.down = false;
    // The e-mail of the same notice, left to the other channel's worker, goes out as usual.
    expect(await deliverNotices(deps())).toMatchObject({ sent: 1, failed: 0 });
    const inbox = await readInbox(db, { kind: 'person', id: 9001 }, { limit: 1 });
    expect(inbox.notices[0]!.deliveries.find((it) => it.channel === 'sms')).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'SMS gateway answered 503: gateway down',
    });
  });

  it('delivers every kind of notice in both languages after an outage, each once', async () => {
    smtp.messages.length = 0;
    gateway.reset();
    const db = getDb();
    const recipients = { 'zh-CN': 9101, en: 9102 } as const;
    for (const [language, id] of Object.entries(recipients))
      await saveNoticeSettings(
        db,
        { kind: 'person', id },
        {
          email: `p${id}@example.cn`,
          phone: `1390000${id}`,
          emailEnabled: true,
          smsEnabled: true,
          language,
        },
        'person',
        now,
      );
    const drafts = Object.entries(KIND_FACTS).flatMap(([kind, params]) =>
      Object.values(recipients).map((id) => ({
        recipient: { kind: 'person' as const, id },
        kind: kind as NoticeKind,
        eventKey: `every:${kind}:${id}`,
        regionCode: '360100',
        params,
      })),
    );
    await enqueueNotices(db, now, drafts);
    smtp.down = true;
    gateway.down = true;
    const failed = await deliverNotices(deps());
    expect(failed).toMatchObject({ sent: 0, retrying: drafts.length * 2 });
    smtp.down = false;
    gateway.down = false;
    now = new Date(now.getTime() + 120_000);
    expect(await deliverNotices(deps())).toMatchObject({ sent: drafts.length * 2, retrying: 0 });
    now = new Date(now.getTime() + 3_600_000);
    expect(await deliverNotices(deps())).toMatchObject({ sent: 0 });
    for (const [kind, params] of Object.entries(KIND_FACTS))
      for (const [language, id] of Object.entries(recipients)) {
        const rendered = renderNotice(kind as NoticeKind, params, language as NoticeLanguage);
        const mails = smtp.messages.filter((mail) => mail.subject === rendered.title);
        expect(
          mails.map((mail) => (mail.to as { text: string }).text),
          `${kind} ${language}`,
        ).toEqual([`p${id}@example.cn`]);
        expect(mails[0]!.text).toContain(rendered.text);
        expect(mails[0]!.headers.get('content-language')).toBe(language);
        const texts = gateway.messages.filter(
          (sms) => sms.body.to === `1390000${id}` && sms.body.text === rendered.sms,
        );
        expect(texts, `${kind} ${language} SMS`).toHaveLength(1);
        expect(texts[0]!.body.template).toBe(SMS_TEMPLATE_IDS[kind as NoticeKind]);
      }
    expect(smtp.messages).toHaveLength(drafts.length);
    expect(gateway.messages).toHaveLength(drafts.length);
  });

  it('refuses settings that enable a channel without its address, naming the field', async () => {
    await expect(
      saveNoticeSettings(
        getDb(),
        { kind: 'person', id: 9004 },
        { email: null, phone: '12345', emailEnabled: true, smsEnabled: false, language: 'en' },
        'person',
        now,
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      errors: [
        { field: 'phone', reason: 'must be a mainland mobile number of 11 digits starting with 1' },
        { field: 'email', reason: 'give the e-mail address to be told on' },
      ],
    });
  });
});
