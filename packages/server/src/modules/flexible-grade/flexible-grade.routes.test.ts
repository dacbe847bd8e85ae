import { beforeAll, expect, it } from 'vitest';
import { describeEachServer, logIn, type Client } from '../../http/test-server.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { runCollection } from '../../workflows/index.ts';
import { verifyLedger } from '../ledger/index.ts';

/**
 * A flexible worker's self-service over HTTP: the grade and what a month costs (the same amount the
 * assessment bills), a change of grade, and paying online with a receipt only they may read.
 * The test clock is 2025-07-15, so a grade chosen now applies from 2025-08.
 */
const PASSWORD = 'flexible-self-service';

describeEachServer('a flexible worker’s grade and online payments', (get) => {
  let ids: { worker: number; other: number; employee: number };
  let worker: Client;
  let other: Client;
  let employee: Client;
  let admin: Client;
  const key = (name: string) => ({ 'idempotency-key': `flexible-test-${name}` });

  beforeAll(async () => {
    const { app, db, server } = get();
    const fixture = await insertCollectionFixture(db, {
      regionCode: '110105',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 800_000 }] }],
      flexible: [
        { baseFen: 1_193_700, startPeriod: '2025-07' },
        { baseFen: 1_193_700, startPeriod: '2025-07' },
      ],
    });
    ids = {
      worker: fixture.flexibleIds[0]!,
      other: fixture.flexibleIds[1]!,
      employee: fixture.personIds[0]![0]!,
    };
    await runCollection(
      { db, clock: app.clock, policy: app.policy },
      { regionCode: '110105', period: '2025-07' },
    );
    const clients: Client[] = [];
    for (const personId of [ids.worker, ids.other, ids.employee]) {
      await app.auth.addUser({ kind: 'person', personId, password: PASSWORD }, 'test');
      const { idNumber } = await app.registration.getPerson(personId);
      clients.push(await logIn(server, 'person', { idNumber, password: PASSWORD }));
    }
    [worker, other, employee] = clients as [Client, Client, Client];
    await app.auth.addUser(
      {
        kind: 'staff',
        userName: 'admin',
        displayName: 'Admin',
        password: PASSWORD,
        roles: ['admin'],
        regionCodes: ['110000'],
      },
      'test',
    );
    admin = await logIn(server, 'staff', { userName: 'admin', password: PASSWORD });
  });

  async function openBills(personId: number) {
    const response = await worker.request({
      method: 'GET',
      url: `/api/bills?personId=${personId}&open=true`,
    });
    expect(response.statusCode).toBe(200);
    return response.json().items as { billNo: string; period: string; totalFen: number; paidFen: number }[];
  }

  it('quotes a month at the grade held for exactly what the assessment billed', async () => {
    const response = await worker.request({
      method: 'GET',
      url: `/api/persons/${ids.worker}/flexible-contribution`,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      personId: ids.worker,
      fromPeriod: '2025-08',
      current: { gradePpm: 1_000_000, baseFen: 1_193_700, startPeriod: '2025-07', endPeriod: null },
      allowed: { averageWageFen: 1_193_700, minFen: 716_220, maxFen: 3_581_100 },
    });
    expect(body.grades[0]).toBe(600_000);
    expect(body.grades.at(-1)).toBe(3_000_000);
    const [bill] = await openBills(ids.worker);
    expect(bill?.period).toBe('2025-07');
    expect(body.quote.totalFen).toBe(bill!.totalFen);
    expect(body.quote.lines.map((line: { insurance: string }) => line.insurance)).toContain('pension');

    const low = await worker.request({
      method: 'GET',
      url: `/api/persons/${ids.worker}/flexible-contribution?gradePpm=600000`,
    });
    expect(low.json().quote).toMatchObject({ gradePpm: 600_000, baseFen: 716_220 });
    expect(low.json().quote.totalFen).toBeLessThan(body.quote.totalFen);
  });

  it('refuses a grade outside 60%-300%, naming gradePpm, and a person who is not enrolled', async () => {
    const high = await worker.request({
      method: 'GET',
      url: `/api/persons/${ids.worker}/flexible-contribution?gradePpm=3100000`,
    });
    expect(high.statusCode).toBe(400);
    expect(high.json().detail).toContain('gradePpm');
    const notEnrolled = await employee.request({
      method: 'GET',
      url: `/api/persons/${ids.employee}/flexible-contribution`,
    });
    expect(notEnrolled.statusCode).toBe(409);
    const someoneElse = await worker.request({
      method: 'GET',
      url: `/api/persons/${ids.other}/flexible-contribution`,
    });
    expect(someoneElse.statusCode).toBe(403);
  });

  it('changes the grade from next month, once, and the next assessment bills the quoted amount', async () => {
    const { app, db } = get();
    const change = (gradePpm: number) =>
      worker.request({
        method: 'POST',
        url: `/api/persons/${ids.worker}/flexible-grade`,
        payload: { gradePpm },
      });
    const first = await change(600_000);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      changed: true,
      fromPeriod: '2025-08',
      enrolment: { gradePpm: 600_000, baseFen: 716_220, startPeriod: '2025-08' },
    });
    expect((await change(600_000)).json().changed).toBe(false);
    const second = await change(700_000);
    expect(second.json()).toMatchObject({
      changed: true,
      enrolment: { gradePpm: 700_000, startPeriod: '2025-08' },
    });
    const enrolments = await app.registration.listFlexibleEnrolments(ids.worker);
    expect(enrolments.map((row) => [row.startPeriod, row.endPeriod, row.gradePpm])).toEqual([
      ['2025-07', '2025-07', 1_000_000],
      ['2025-08', null, 700_000],
    ]);
    expect((await change(3_500_000)).statusCode).toBe(422);
    expect(
      (
        await other.request({
          method: 'POST',
          url: `/api/persons/${ids.worker}/flexible-grade`,
          payload: { gradePpm: 600_000 },
        })
      ).statusCode,
    ).toBe(403);

    await runCollection(
      { db, clock: app.clock, policy: app.policy },
      { regionCode: '110105', period: '2025-08' },
    );
    const august = (await openBills(ids.worker)).find((bill) => bill.period === '2025-08');
    expect(august?.totalFen).toBe(second.json().quote.totalFen);
  });

  it('takes an online payment once per key, pays the oldest bills and gives a receipt only the payer reads', async () => {
    const open = await openBills(ids.worker);
    const owedFen = open.reduce((sum, bill) => sum + bill.totalFen - bill.paidFen, 0);
    const pay = (amountFen: number, headers: Record<string, string> = key('pay-1')) =>
      worker.request({
        method: 'POST',
        url: `/api/persons/${ids.worker}/payments`,
        payload: { amountFen },
        headers,
      });
    expect((await pay(owedFen, {})).statusCode).toBe(400);
    const paid = await pay(owedFen + 1_000);
    expect(paid.statusCode).toBe(201);
    const receipt = paid.json();
    expect(receipt).toMatchObject({
      payerKey: `P${ids.worker}`,
      amountFen: owedFen + 1_000,
      paidOn: '2025-07-15',
      creditFen: 1_000,
    });
    expect(receipt.allocations.map((row: { period: string }) => row.period)).toEqual(['2025-07', '2025-08']);
    const again = await pay(owedFen + 1_000);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json().paymentNo).toBe(receipt.paymentNo);
    expect((await pay(5_000)).statusCode).toBe(409);
    expect(await openBills(ids.worker)).toEqual([]);

    const url = `/api/payments/${receipt.paymentNo}/receipt`;
    const own = await worker.request({ method: 'GET', url });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual(receipt);
    expect((await other.request({ method: 'GET', url })).statusCode).toBe(403);
    expect((await admin.request({ method: 'GET', url })).statusCode).toBe(200);

    const report = await verifyLedger(get().db);
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
  });

  it('lets only the person pay online, and only a flexible worker', async () => {
    const body = { amountFen: 10_000 };
    const byStaff = await admin.request({
      method: 'POST',
      url: `/api/persons/${ids.other}/payments`,
      payload: body,
      headers: key('staff'),
    });
    expect(byStaff.statusCode).toBe(403);
    const forOther = await worker.request({
      method: 'POST',
      url: `/api/persons/${ids.other}/payments`,
      payload: body,
      headers: key('other'),
    });
    expect(forOther.statusCode).toBe(403);
    const byEmployee = await employee.request({
      method: 'POST',
      url: `/api/persons/${ids.employee}/payments`,
      payload: body,
      headers: key('employee'),
    });
    expect(byEmployee.statusCode).toBe(422);
    expect(byEmployee.json().detail).toContain('flexible worker');
    const zero = await other.request({
      method: 'POST',
      url: `/api/persons/${ids.other}/payments`,
      payload: { amountFen: 0 },
      headers: key('zero'),
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().detail).toContain('amountFen');
  });
});
