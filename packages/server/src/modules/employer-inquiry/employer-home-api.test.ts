import { beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../app/index.ts';
import { describeEachServer, logIn, type Client } from '../../http/test-server.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { runCollection } from '../../workflows/index.ts';
import { verifyLedger } from '../ledger/index.ts';

/**
 * The employer's start page over HTTP (what is owed, overdue and due next, the amount that clears
 * everything today, how to pay, what is left to do) and paying that amount online: paying exactly the
 * amount quoted for the day clears every bill and the late fees paying them bills, to the fen.
 */
const PASSWORD = 'employer-home-password';
let now = '2025-07-15T02:00:00.000Z';
const clock: Clock = { now: () => new Date(now) };
const ACCOUNT = {
  bank: '示例银行北京分行',
  accountName: '北京市社会保险基金征缴专户',
  accountNo: '0200 0000 0000 0001',
};

describeEachServer(
  "API: the employer's start page and online payment",
  (get) => {
    let employerId: number;
    let otherEmployerId: number;
    let creditCode: string;
    let employer: Client;
    let other: Client;
    const summary = async () => {
      const reply = await employer.request({ method: 'GET', url: `/api/employers/${employerId}/summary` });
      expect(reply.statusCode).toBe(200);
      return reply.json();
    };
    const pay = (client: Client, id: number, amountFen: number, key?: string) =>
      client.request({
        method: 'POST',
        url: `/api/employers/${id}/payments`,
        payload: { amountFen },
        headers: key ? { 'idempotency-key': key } : {},
      });

    beforeAll(async () => {
      now = '2025-07-15T02:00:00.000Z';
      const { app, db, server } = get();
      const fixture = await insertCollectionFixture(db, {
        regionCode: '110105',
        cycleStart: '2025-07',
        // The second employee has no base declared for the contribution year.
        employers: [
          { employees: [{ wageFen: 900_000 }, { wageFen: null }] },
          { employees: [{ wageFen: 700_000 }] },
        ],
        declaredMonths: { from: '2025-01', to: '2025-08' },
      });
      [employerId, otherEmployerId] = fixture.employerIds as [number, number];
      const deps = { db, clock: app.clock, policy: app.policy };
      await runCollection(deps, { regionCode: '110105', period: '2025-07' });
      now = '2025-09-20T02:00:00.000Z';
      await runCollection(deps, { regionCode: '110105', period: '2025-08' });
      await runCollection(deps, { regionCode: '110105', period: '2025-09' });
      await app.policy.addVersion(
        {
          name: 'collection.bankAccount',
          regionCode: '110000',
          insurance: null,
          party: null,
          category: null,
          validFrom: '2025-01',
          validTo: null,
          value: ACCOUNT,
          source: 'test',
        },
        'test',
      );
      for (const [id, userName] of [
        [employerId, 'finance'],
        [otherEmployerId, 'other'],
      ] as const)
        await app.auth.addUser(
          { kind: 'employer', employerId: id, userName, displayName: userName, password: PASSWORD },
          'test',
        );
      creditCode = (await app.registration.getEmployer(employerId)).creditCode;
      employer = await logIn(server, 'employer', { creditCode, userName: 'finance', password: PASSWORD });
      const otherCode = (await app.registration.getEmployer(otherEmployerId)).creditCode;
      other = await logIn(server, 'employer', {
        creditCode: otherCode,
        userName: 'other',
        password: PASSWORD,
      });
    });

    it('says what is owed, overdue and due next, what clears it today, how to pay and what is left to do', async () => {
      const body = await summary();
      const name = (await get().app.registration.getEmployer(employerId)).name;
      expect(body.employer).toEqual({ id: employerId, name, creditCode });
      expect(body.asOf).toBe('2025-09-20');
      expect(body.bills.map((bill: { period: string }) => bill.period)).toEqual([
        '2025-07',
        '2025-08',
        '2025-09',
      ]);
      const [july, august, september] = body.bills;
      expect([july.dueDate, august.dueDate, september.dueDate]).toEqual([
        '2025-08-15',
        '2025-09-15',
        '2025-10-15',
      ]);
      expect([july.overdue, august.overdue, september.overdue]).toEqual([true, true, false]);
      expect(july.lateFeeFen).toBeGreaterThan(august.lateFeeFen);
      expect(august.lateFeeFen).toBeGreaterThan(0);
      expect(september.lateFeeFen).toBe(0);
      expect(body.overdueFen).toBe(july.owedFen + august.owedFen);
      expect(body.owedFen).toBe(july.owedFen + august.owedFen + september.owedFen);
      expect(body.nextDue).toEqual({ dueDate: '2025-10-15', owedFen: september.owedFen });
      expect(body.dueToday).toEqual({
        owedFen: body.owedFen,
        lateFeeFen: july.lateFeeFen + august.lateFeeFen,
        totalFen: body.owedFen + july.lateFeeFen + august.lateFeeFen,
      });
      // The reference is what the bank-statement import matches a transfer on: the credit code.
      expect(body.howToPay).toEqual({ collectionAccount: ACCOUNT, reference: creditCode });
      expect(body.toDo).toEqual({
        monthToDeclare: '2025-09',
        cycleStart: '2025-07',
        staffWithoutBase: 1,
        overdueBills: 2,
      });
      expect(
        (await other.request({ method: 'GET', url: `/api/employers/${employerId}/summary` })).statusCode,
      ).toBe(403);
      expect(
        (await employer.request({ method: 'GET', url: '/api/employers/999999/summary' })).statusCode,
      ).toBe(403);
    });

    it('pays the amount due today online and is left owing nothing; a repeat returns the first receipt', async () => {
      const before = await summary();
      expect((await pay(employer, employerId, before.dueToday.totalFen)).statusCode).toBe(400);
      expect((await pay(other, employerId, 100, 'employer-home-other')).statusCode).toBe(403);
      const refused = await pay(employer, employerId, 0, 'employer-home-zero');
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors?.[0]?.field ?? refused.json().detail).toMatch(/amountFen/);

      const paid = await pay(employer, employerId, before.dueToday.totalFen, 'employer-home-1');
      expect(paid.statusCode).toBe(201);
      const receipt = paid.json();
      expect(receipt).toMatchObject({
        payerKey: `E${employerId}`,
        amountFen: before.dueToday.totalFen,
        paidOn: '2025-09-20',
        creditFen: 0,
      });
      expect(receipt.lateFees.reduce((sum: number, fee: { feeFen: number }) => sum + fee.feeFen, 0)).toBe(
        before.dueToday.lateFeeFen,
      );
      const after = await summary();
      expect(after.bills).toEqual([]);
      expect(after.dueToday).toEqual({ owedFen: 0, lateFeeFen: 0, totalFen: 0 });
      expect(after.nextDue).toBeNull();

      const again = await pay(employer, employerId, before.dueToday.totalFen, 'employer-home-1');
      expect(again.statusCode).toBe(200);
      expect(again.headers['idempotency-replayed']).toBe('true');
      expect(again.json().paymentNo).toBe(receipt.paymentNo);
      expect((await pay(employer, employerId, 5_000, 'employer-home-1')).statusCode).toBe(409);

      const own = await employer.request({
        method: 'GET',
        url: `/api/payments/${receipt.paymentNo}/receipt`,
      });
      expect(own.json()).toEqual(receipt);
      const report = await verifyLedger(get().db);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    });
  },
  { clock },
);
