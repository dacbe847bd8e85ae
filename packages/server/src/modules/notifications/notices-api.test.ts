import { formatFenAsYuan } from '@shebao/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachServer, logIn, type Client } from '../../http/test-server.ts';
import { TEST_SIGNING_KEY } from '../../http/test-server.ts';
import { setUpCollectedEmployer } from '../../testing/collected-employer-over-http.ts';
import { startSmsReceiver, startSmtpReceiver } from '../../testing/notice-receivers.ts';
import { recordPayments } from '../payments/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { runCollection } from '../../workflows/index.ts';
import { scanUnpaidMonths } from './scan-unpaid-months.ts';

const PASSWORD = 'correct horse battery staple';
const smtp = await startSmtpReceiver();
const gateway = await startSmsReceiver();
afterAll(async () => {
  await smtp.close();
  await gateway.close();
});

/**
 * Notices end to end over the HTTP stack (docs/RULES.md 17.1-17.6): a payment tells every employee their month
 * is credited, the monthly details reach the staff of an employer that chose them and the employer learns
 * who could not be reached, the yearly statement run is stopped half-way and resumed, and months that fell
 * due unpaid are told once; each through a real SMTP server and an HTTP SMS receiver.
 */
describeEachServer(
  'notices over the API',
  (get) => {
    let collector: Client;
    let employer: Client;
    let employerId: number;
    let personIds: number[];
    let unpaidPersonIds: number[];
    beforeAll(async () => {
      smtp.messages.length = 0;
      gateway.reset();
      const setUp = await setUpCollectedEmployer(get(), {
        employers: [
          { employees: Array.from({ length: 55 }, () => ({ wageFen: 800_000 })) },
          { employees: [{ wageFen: 600_000 }, { wageFen: 700_000 }] },
        ],
        role: 'collection_officer',
        staffNames: ['clerk1', 'clerk2'],
        password: PASSWORD,
      });
      [collector] = setUp.staff;
      employer = setUp.employer;
      employerId = setUp.employerId;
      const staff = await get()
        .db.selectFrom('employments')
        .select(['person_id', 'employer_id'])
        .orderBy('person_id')
        .execute();
      personIds = staff
        .filter((row) => Number(row.employer_id) === employerId)
        .map((row) => Number(row.person_id));
      unpaidPersonIds = staff
        .filter((row) => Number(row.employer_id) !== employerId)
        .map((row) => Number(row.person_id));
    });

    it('lets a person choose channels and language, refusing an address that is not one', async () => {
      const bad = await collector.request({
        method: 'PUT',
        url: `/api/persons/${personIds[0]}/notice-settings`,
        payload: {
          email: 'not-an-address',
          phone: null,
          emailEnabled: true,
          smsEnabled: false,
          language: 'en',
        },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ errors: [{ field: 'email' }] });
      // The first three employees choose e-mail (the second in English, the third SMS as well); the rest
      // choose nothing and are told in their inbox only.
      for (const [index, settings] of [
        { email: 'p0@example.cn', phone: null, emailEnabled: true, smsEnabled: false, language: 'zh-CN' },
        { email: 'p1@example.cn', phone: null, emailEnabled: true, smsEnabled: false, language: 'en' },
        {
          email: 'p2@example.cn',
          phone: '13900139002',
          emailEnabled: true,
          smsEnabled: true,
          language: 'zh-CN',
        },
      ].entries()) {
        const saved = await collector.request({
          method: 'PUT',
          url: `/api/persons/${personIds[index]}/notice-settings`,
          payload: settings,
        });
        expect(saved.statusCode).toBe(200);
        expect(saved.json()).toMatchObject({ ...settings, monthlyDetails: false, saved: true });
      }
      const employerSettings = await employer.request({
        method: 'PUT',
        url: `/api/employers/${employerId}/notice-settings`,
        payload: {
          email: 'hr@example.cn',
          phone: null,
          emailEnabled: true,
          smsEnabled: false,
          language: 'zh-CN',
          monthlyDetails: true,
        },
      });
      expect(employerSettings.json()).toMatchObject({ monthlyDetails: true, saved: true });
    });

    it('tells every employee of a paid bill that the month is credited, on their channels, once', async () => {
      const { app, db } = get();
      const bill = await db
        .selectFrom('bills')
        .select(['total_fen'])
        .where('employer_id', '=', employerId)
        .where('period', '=', '2025-07')
        .executeTakeFirstOrThrow();
      await recordPayments({ db, clock: app.clock, policy: app.policy }, [
        {
          payerKey: `E${employerId}`,
          amountFen: Number(bill.total_fen),
          paidOn: '2025-07-15',
          channel: 'api',
        },
      ]);
      // The payment wrote one event; the worker's round writes the notices of the bill's 55 employees.
      expect(await db.selectFrom('notices').select('id').execute()).toEqual([]);
      expect(await app.notifications.deliver()).toMatchObject({ dispatched: 4, sent: 4, failed: 0 });
      const credited = await db
        .selectFrom('notices')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('kind', '=', 'contribution.credited')
        .executeTakeFirstOrThrow();
      expect(Number(credited.n)).toBe(55);
      expect(smtp.messages.map((mail) => mail.to && 'text' in mail.to && mail.to.text).sort()).toEqual([
        'p0@example.cn',
        'p1@example.cn',
        'p2@example.cn',
      ]);
      const english = smtp.messages.find((mail) => mail.subject === '2025-07 contributions credited')!;
      expect(english.text).toMatch(/declared ✓ → assessed ✓ → paid ✓ → credited ✓ \(CNY [\d.]+ in all\)/);
      expect(gateway.messages.map((sms) => sms.body.to)).toEqual(['13900139002']);

      // The person reads their inbox and marks the notice read.
      const { app: theApp } = get();
      const person = await theApp.registration.getPerson(personIds[1]!);
      await theApp.auth.addUser({ kind: 'person', personId: personIds[1]!, password: PASSWORD }, 'test');
      const client = await logIn(get().server, 'person', { idNumber: person.idNumber, password: PASSWORD });
      const inbox = (
        await client.request({ method: 'GET', url: `/api/persons/${personIds[1]}/notices` })
      ).json<{
        notices: { id: number; title: string; deliveries: { status: string }[] }[];
        unread: number;
      }>();
      expect(inbox.unread).toBe(1);
      expect(inbox.notices[0]).toMatchObject({
        title: '2025-07 contributions credited',
        deliveries: [{ status: 'sent' }],
      });
      const read = await client.request({
        method: 'POST',
        url: `/api/persons/${personIds[1]}/notices/${inbox.notices[0]!.id}/read`,
      });
      expect(read.statusCode).toBe(204);
      const other = await client.request({
        method: 'POST',
        url: `/api/persons/${personIds[1]}/notices/${inbox.notices[0]!.id + 1}/read`,
      });
      expect(other.statusCode).toBe(404);
      const after = await client.request({
        method: 'GET',
        url: `/api/persons/${personIds[1]}/notices?lang=zh-CN`,
      });
      expect(after.json()).toMatchObject({ unread: 0, notices: [{ title: '2025-07 社保缴费已记账' }] });

      // Filing an application tells the applicant, in the language they chose.
      smtp.messages.length = 0;
      const filed = await client.request({
        method: 'POST',
        url: `/api/persons/${personIds[1]}/applications`,
        payload: {
          kind: 'record-correction',
          facts: { what: 'missing-month', periods: ['2025-06'], description: 'June is missing' },
        },
      });
      expect(filed.statusCode).toBe(201);
      await theApp.notifications.deliver();
      expect(smtp.messages.map((mail) => mail.subject)).toEqual([
        `Your record correction application ${filed.json<{ applicationNo: string }>().applicationNo}: received`,
      ]);
    });

    it('tells the staff their monthly details and the employer who could not be reached', async () => {
      smtp.messages.length = 0;
      const started = await collector.request({
        method: 'POST',
        url: '/api/notice-runs',
        payload: { kind: 'monthly-details', regionCode: '110105', period: '2025-07' },
      });
      expect(started.statusCode).toBe(202);
      const runId = started.json<{ id: number }>().id;
      let run = started.json<{ status: string; total: number; done: number }>();
      while (run.status === 'running')
        run = (await collector.request({ method: 'GET', url: `/api/notice-runs/${runId}` })).json();
      expect(run).toMatchObject({ status: 'done', total: 2, done: 2 });
      // 55 details and the employer's summary; the second employer did not choose it.
      expect(run).toMatchObject({ enqueued: 56 });
      await get().app.notifications.deliver();
      const summary = smtp.messages.find(
        (mail) => mail.to && 'text' in mail.to && mail.to.text === 'hr@example.cn',
      )!;
      expect(summary.subject).toBe('2025-07 缴费明细：52 名职工未能送达');
      expect(summary.text).toContain('缴费明细已告知 3 名职工');
      const details = smtp.messages.find((mail) => mail.subject?.includes('social insurance details'))!;
      expect(details.text).toMatch(/your share CNY [\d.]+, the employer's share CNY [\d.]+\. Paid: yes/);
      // Starting it again changes nothing.
      const again = await collector.request({
        method: 'POST',
        url: '/api/notice-runs',
        payload: { kind: 'monthly-details', regionCode: '110105', period: '2025-07' },
      });
      expect(again.json()).toMatchObject({ id: runId, status: 'done', enqueued: 56 });
      const employerInbox = await employer.request({
        method: 'GET',
        url: `/api/employers/${employerId}/notices`,
      });
      expect(employerInbox.json()).toMatchObject({ notices: [{ kind: 'monthly.unreached' }] });
    });

    it('resumes the yearly statement where it stopped, and tells each person once', async () => {
      smtp.messages.length = 0;
      const { app, db } = get();
      const statements = { signingKey: TEST_SIGNING_KEY, publicBaseUrl: 'https://si.example.cn' };
      let chunks = 0;
      await expect(
        app.notifications.run(
          statements,
          { kind: 'yearly-statement', regionCode: '110000', period: '2025' },
          't',
          () => {
            chunks += 1;
            // The first call is the start; the process dies after the first chunk.
            if (chunks === 2) throw new Error('killed');
          },
        ),
      ).rejects.toThrow('killed');
      const stopped = await db
        .selectFrom('notice_runs')
        .selectAll()
        .where('kind', '=', 'yearly-statement')
        .executeTakeFirstOrThrow();
      expect([stopped.status, Number(stopped.done), Number(stopped.total)]).toEqual(['failed', 50, 57]);
      const run = await app.notifications.run(
        statements,
        { kind: 'yearly-statement', regionCode: '110000', period: '2025' },
        't',
      );
      expect(run).toMatchObject({ status: 'done', done: 57, total: 57, enqueued: 57 });
      const yearly = await db
        .selectFrom('notices')
        .select(['recipient_id'])
        .where('kind', '=', 'statement.yearly')
        .execute();
      expect(new Set(yearly.map((row) => Number(row.recipient_id))).size).toBe(57);
      expect(yearly).toHaveLength(57);
      await app.notifications.deliver();
      expect(smtp.messages).toHaveLength(3);
      const mail = smtp.messages.find((it) => it.subject === 'Your 2025 social insurance rights statement')!;
      expect(mail.text).toMatch(
        /Verification code [A-Z0-9-]+; anyone you show it to can check it at https:\/\/si\.example\.cn\/verify\//,
      );
      expect(mail.attachments.map((it) => it.contentType)).toEqual(['application/pdf']);
      expect(mail.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('gives a flexible worker the voucher of their payment', async () => {
      const { app, db } = get();
      const { flexibleIds } = await insertCollectionFixture(db, {
        regionCode: '110105',
        cycleStart: '2025-07',
        employers: [],
        flexible: [{ baseFen: 600_000, startPeriod: '2025-07' }],
      });
      const flexibleId = flexibleIds[0]!;
      await runCollection(
        { db, clock: app.clock, policy: app.policy },
        { regionCode: '110105', period: '2025-07' },
      );
      await app.notifications.saveSettings(
        { kind: 'person', id: flexibleId },
        { email: null, phone: '13700137000', emailEnabled: false, smsEnabled: true, language: 'zh-CN' },
        'test',
      );
      const bill = await db
        .selectFrom('bills')
        .select(['total_fen'])
        .where('person_id', '=', flexibleId)
        .executeTakeFirstOrThrow();
      const [receipt] = await recordPayments({ db, clock: app.clock, policy: app.policy }, [
        {
          payerKey: `P${flexibleId}`,
          amountFen: Number(bill.total_fen),
          paidOn: '2025-07-15',
          channel: 'api',
        },
      ]);
      gateway.messages.length = 0;
      await app.notifications.deliver();
      const texts = gateway.messages.map((sms) => sms.body.text).sort();
      expect(texts).toEqual([
        `【社保】您2025-07-15缴费${formatFenAsYuan(Number(bill.total_fen))}元已到账，凭证号${receipt!.paymentNo}。`,
        expect.stringMatching(/^【社保】您2025-07社保费已记账：申报→核定→缴费→记账，合计[\d.]+元。$/),
      ]);
    });

    it('tells the staff of an unpaid bill once, after its due date', async () => {
      const { db } = get();
      const bill = await db
        .selectFrom('bills')
        .select(['due_date'])
        .where('employer_id', '!=', employerId)
        .where('period', '=', '2025-07')
        .executeTakeFirstOrThrow();
      const before = await scanUnpaidMonths(db, bill.due_date, new Date());
      expect(before).toBe(0);
      const dayAfter = new Date(Date.parse(`${bill.due_date}T00:00:00Z`) + 2 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      expect(await scanUnpaidMonths(db, dayAfter, new Date())).toBe(2);
      expect(await scanUnpaidMonths(db, dayAfter, new Date())).toBe(0);
      const told = await db
        .selectFrom('notices')
        .select(['recipient_id', 'params'])
        .where('kind', '=', 'contribution.unpaid')
        .execute();
      expect(told.map((row) => Number(row.recipient_id)).sort()).toEqual([...unpaidPersonIds].sort());
      expect(JSON.parse(told[0]!.params)).toMatchObject({ period: '2025-07', dueOn: bill.due_date });
    });
  },
  { env: { SHEBAO_SMTP_URL: smtp.url, SHEBAO_SMS_URL: gateway.url, SHEBAO_EMAIL_PER_SECOND: '1000' } },
);
