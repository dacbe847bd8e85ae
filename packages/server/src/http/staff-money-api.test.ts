import { daysBetween, formatFenAsYuan } from '@shebao/domain';
import { beforeAll, expect, it } from 'vitest';
import { runCollection } from '../workflows/index.ts';
import { insertCollectionFixture } from '../testing/collection-fixture.ts';
import { describeEachServer, logIn, type Client } from './test-server.ts';

const PASSWORD = 'staff-money-password';

/** The agency's money views: region-wide payments, region-wide arrears, fund income by month. */
describeEachServer('API: region payments, region arrears, fund income', (get) => {
  let staff: Client;
  let zhou: Client;
  let ids: { paidEmployer: number; owingEmployer: number; flexible: number; elsewhere: number };
  let creditOf: (employerId: number) => Promise<string>;
  let paymentNo: string;
  let billedFen: number;

  beforeAll(async () => {
    const { app, db, server } = get();
    const here = await insertCollectionFixture(db, {
      regionCode: '110105',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 800_000 }] }, { employees: [{ wageFen: 700_000 }] }],
      flexible: [{ baseFen: 700_000, startPeriod: '2025-07' }],
    });
    const there = await insertCollectionFixture(db, {
      regionCode: '310101',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 900_000 }] }],
    });
    const deps = { db, clock: app.clock, policy: app.policy };
    await runCollection(deps, { regionCode: '110105', period: '2025-07' });
    await runCollection(deps, { regionCode: '310101', period: '2025-07' });
    ids = {
      paidEmployer: here.employerIds[0]!,
      owingEmployer: here.employerIds[1]!,
      flexible: here.flexibleIds[0]!,
      elsewhere: there.employerIds[0]!,
    };
    creditOf = async (employerId) => (await app.registration.getEmployer(employerId)).creditCode;
    await app.auth.addUser(
      {
        kind: 'staff',
        userName: 'li',
        displayName: 'Li Na',
        password: PASSWORD,
        roles: ['collection_officer'],
        regionCodes: ['110000'],
      },
      'test',
    );
    await app.auth.addUser(
      {
        kind: 'staff',
        userName: 'zhou',
        displayName: 'Zhou',
        password: PASSWORD,
        roles: ['collection_officer'],
        regionCodes: ['310000'],
      },
      'test',
    );
    staff = await logIn(server, 'staff', { userName: 'li', password: PASSWORD });
    zhou = await logIn(server, 'staff', { userName: 'zhou', password: PASSWORD });

    const bills = await db.selectFrom('bills').select(['payer_key', 'total_fen']).execute();
    billedFen = bills.reduce((sum, bill) => sum + Number(bill.total_fen), 0);
    const owedByPaid = bills.find((bill) => bill.payer_key === `E${ids.paidEmployer}`)!;
    const paid = await staff.request({
      method: 'POST',
      url: '/api/payments',
      payload: {
        payerCode: await creditOf(ids.paidEmployer),
        amountFen: Number(owedByPaid.total_fen),
        paidOn: '2025-07-10',
      },
      headers: { 'idempotency-key': 'staff-money-pay-1' },
    });
    expect(paid.statusCode).toBe(201);
    paymentNo = paid.json().paymentNo;
    const elsewhere = await zhou.request({
      method: 'POST',
      url: '/api/payments',
      payload: { payerCode: await creditOf(ids.elsewhere), amountFen: 1_000, paidOn: '2025-07-11' },
      headers: { 'idempotency-key': 'staff-money-pay-2' },
    });
    expect(elsewhere.statusCode).toBe(201);
  });

  it("lists the region's payments newest first with the payer named, and no other region's", async () => {
    const page = await staff.request({ method: 'GET', url: '/api/regions/110000/payments' });
    expect(page.statusCode).toBe(200);
    const { items, nextCursor } = page.json();
    expect(nextCursor).toBeNull();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      paymentNo,
      paidOn: '2025-07-10',
      unappliedFen: 0,
      payer: {
        kind: 'employer',
        employerId: ids.paidEmployer,
        code: await creditOf(ids.paidEmployer),
      },
    });
    const shanghai = await staff.request({ method: 'GET', url: '/api/regions/310000/payments' });
    expect(shanghai.statusCode).toBe(403);
  });

  it('lists the payers in arrears with days overdue and the late fee, as the employer inquiry computes it', async () => {
    const asOf = '2025-10-20';
    const first = await staff.request({
      method: 'GET',
      url: `/api/regions/110000/arrears?asOf=${asOf}&limit=1`,
    });
    expect(first.statusCode).toBe(200);
    const firstPage = first.json();
    expect(firstPage.items).toHaveLength(1);
    expect(firstPage.nextCursor).not.toBeNull();
    const second = await staff.request({
      method: 'GET',
      url: `/api/regions/110000/arrears?asOf=${asOf}&limit=1&cursor=${firstPage.nextCursor}`,
    });
    const secondPage = second.json();
    expect(secondPage.nextCursor).toBeNull();
    const items = [...firstPage.items, ...secondPage.items];
    // The employer that paid in time owes nothing; the other employer and the flexible worker do.
    expect(items.map((item: { payer: { payerKey: string } }) => item.payer.payerKey).sort()).toEqual(
      [`E${ids.owingEmployer}`, `P${ids.flexible}`].sort(),
    );
    expect(firstPage.payersInArrears).toBe(2);
    expect(firstPage.totalOverdueFen).toBe(
      items.reduce((sum: number, item: { overdueFen: number }) => sum + item.overdueFen, 0),
    );
    const employer = items.find((item: { payer: { kind: string } }) => item.payer.kind === 'employer');
    const inquiry = (
      await staff.request({ method: 'GET', url: `/api/employers/${ids.owingEmployer}/arrears?asOf=${asOf}` })
    ).json();
    expect(employer).toMatchObject({
      owedFen: inquiry.contributionsOwedFen + inquiry.lateFeesOwedFen,
      overdueFen: inquiry.contributionsOwedFen,
      accruingLateFeeFen: inquiry.accruingLateFeeFen,
      dailyRatePpm: inquiry.dailyRatePpm,
      billsOverdue: 1,
      daysOverdue: daysBetween(employer.oldestDueDate, asOf),
    });
    expect(employer.accruingLateFeeFen).toBeGreaterThan(0);
    const person = items.find((item: { payer: { kind: string } }) => item.payer.kind === 'person');
    expect(person.payer.code).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    // Listing a flexible worker in arrears is a read of their record, and is logged for them.
    const logged = await get()
      .db.selectFrom('access_log')
      .select('what')
      .where('person_id', '=', ids.flexible)
      .execute();
    expect(logged.map((row) => row.what)).toContain('arrears list');
  });

  it('lists nobody before the bills fall due, and refuses a bad date naming the field', async () => {
    const early = await staff.request({ method: 'GET', url: '/api/regions/110000/arrears?asOf=2025-07-20' });
    expect(early.json()).toMatchObject({ items: [], payersInArrears: 0, totalOverdueFen: 0 });
    const bad = await staff.request({ method: 'GET', url: '/api/regions/110000/arrears?asOf=20-10-2025' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('asOf');
  });

  it('gives every fund its income month by month, billed and received, over a window', async () => {
    const reply = await staff.request({ method: 'GET', url: '/api/ledger/income?from=2025-06&to=2025-08' });
    expect(reply.statusCode).toBe(200);
    const { from, to, months } = reply.json();
    expect([from, to]).toEqual(['2025-06', '2025-08']);
    expect(months).toHaveLength(3 * 4);
    type Month = { period: string; receivedFen: number; billedFen: number };
    const sum = (key: 'receivedFen' | 'billedFen', period?: string) =>
      (months as Month[])
        .filter((month) => period === undefined || month.period === period)
        .reduce((total, month) => total + month[key], 0);
    expect(sum('billedFen', '2025-07')).toBe(billedFen);
    expect(sum('billedFen', '2025-06') + sum('billedFen', '2025-08')).toBe(0);
    // Only the Beijing payment reached the funds: the Shanghai one is 10 yuan against a larger bill,
    // allocated too, so everything received is the two payments' applied amounts.
    const applied = await get()
      .db.selectFrom('payment_allocations')
      .select((eb) => eb.fn.sum<number | string>('amount_fen').as('total'))
      .executeTakeFirstOrThrow();
    expect(sum('receivedFen', '2025-07')).toBe(Number(applied.total));

    const defaults = (await staff.request({ method: 'GET', url: '/api/ledger/income' })).json();
    expect([defaults.from, defaults.to]).toEqual(['2023-08', '2025-07']);
    const backwards = await staff.request({
      method: 'GET',
      url: '/api/ledger/income?from=2025-09&to=2025-08',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ field: 'query.from' });
    const tooLong = await staff.request({ method: 'GET', url: '/api/ledger/income?from=2010-01&to=2025-08' });
    expect(tooLong.statusCode).toBe(400);
  });

  it("pays a bank statement's rows only for payers in the importer's regions; the others wait for review", async () => {
    const { db } = get();
    const owing = await db
      .selectFrom('bills')
      .select(['total_fen'])
      .where('payer_key', '=', `E${ids.owingEmployer}`)
      .executeTakeFirstOrThrow();
    const statement = [
      'bank_reference,payer_code,payer_name,amount,paid_on',
      `ST-1,${await creditOf(ids.owingEmployer)},Here,${formatFenAsYuan(Number(owing.total_fen))},2025-07-12`,
      `ST-2,${await creditOf(ids.elsewhere)},There,20.00,2025-07-12`,
      '',
    ].join('\n');
    const importAs = (client: Client, fileName: string, key: string) =>
      client.request({
        method: 'POST',
        url: `/api/bank-statements?fileName=${fileName}`,
        payload: statement,
        headers: { 'content-type': 'text/csv', 'idempotency-key': key },
      });
    const paymentsOfHeldRow = () =>
      db.selectFrom('payments').select('payment_no').where('bank_reference', '=', 'ST-2').execute();
    const imported = await importAs(staff, 'mixed-regions.csv', 'staff-money-statement-1');
    expect(imported.statusCode).toBe(200);
    const summary = imported.json();
    expect([summary.matched, summary.unmatched, summary.invalid]).toEqual([1, 1, 0]);
    // Li acts in Beijing only: the Shanghai payer reads as not found there, and is not paid.
    expect(summary.rows[1]).toMatchObject({
      lineNo: 3,
      status: 'unmatched',
      reason: expect.stringContaining(
        `no employer with credit code ${await creditOf(ids.elsewhere)} in the regions this account may act in`,
      ),
    });
    expect(await paymentsOfHeldRow()).toEqual([]);
    // The same file from Shanghai is the import already made: nothing is paid again or anew; the held row
    // waits for Shanghai's review below.
    const replayed = await importAs(zhou, 'mixed-regions-again.csv', 'staff-money-statement-2');
    expect(replayed.statusCode).toBe(200);
    expect(replayed.json()).toMatchObject({ replayed: true, importId: summary.importId, matched: 1 });
    expect(await paymentsOfHeldRow()).toEqual([]);

    const unmatched = await staff.request({ method: 'GET', url: '/api/bank-statements/unmatched' });
    const held = unmatched
      .json()
      .items.find((row: { bankReference: string }) => row.bankReference === 'ST-2');
    const resolveAs = async (client: Client, employerId: number, key: string) =>
      client.request({
        method: 'POST',
        url: `/api/bank-statements/unmatched/${held.rowId}/resolve`,
        payload: { payerCode: await creditOf(employerId) },
        headers: { 'idempotency-key': key },
      });
    // Li may not book the Shanghai transfer to a Beijing payer; Zhou, who acts in Shanghai, names its payer.
    expect((await resolveAs(staff, ids.owingEmployer, 'staff-money-resolve-1')).statusCode).toBe(403);
    expect((await resolveAs(zhou, ids.elsewhere, 'staff-money-resolve-2')).statusCode).toBe(200);
  });
});
