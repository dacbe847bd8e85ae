import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { describeEachServer, logIn, type Client } from '../../http/test-server.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { runCollection } from '../../workflows/index.ts';
import { verifyLedger } from '../ledger/index.ts';

/**
 * A flexible worker behind with July to September and billed for October, on 20 October 2025: the sum of
 * the open bills does not clear the debt (the late fee runs to the day of payment); the quote for today
 * does, exactly.
 */
const PASSWORD = 'payment-quote';

describeEachServer(
  'a payment quote for today',
  (get) => {
    let worker: Client;
    let other: Client;
    let ids: { worker: number; other: number };

    beforeAll(async () => {
      const { app, db, server } = get();
      const fixture = await insertCollectionFixture(db, {
        regionCode: '110105',
        cycleStart: '2025-07',
        employers: [],
        flexible: [
          { baseFen: 1_193_700, startPeriod: '2025-07' },
          { baseFen: 1_193_700, startPeriod: '2025-07' },
        ],
      });
      ids = { worker: fixture.flexibleIds[0]!, other: fixture.flexibleIds[1]! };
      for (const period of ['2025-07', '2025-08', '2025-09', '2025-10']) {
        await runCollection({ db, clock: app.clock, policy: app.policy }, { regionCode: '110105', period });
      }
      const clients: Client[] = [];
      for (const personId of [ids.worker, ids.other]) {
        await app.auth.addUser({ kind: 'person', personId, password: PASSWORD }, 'test');
        const { idNumber } = await app.registration.getPerson(personId);
        clients.push(await logIn(server, 'person', { idNumber, password: PASSWORD }));
      }
      [worker, other] = clients as [Client, Client];
    });

    async function openBills(client: Client, personId: number) {
      const response = await client.request({
        method: 'GET',
        url: `/api/bills?personId=${personId}&open=true`,
      });
      expect(response.statusCode).toBe(200);
      return response.json().items as { billNo: string; kind: string; totalFen: number; paidFen: number }[];
    }
    const owedOf = (bills: { totalFen: number; paidFen: number }[]) =>
      bills.reduce((sum, bill) => sum + bill.totalFen - bill.paidFen, 0);
    async function quote(client: Client, personId: number) {
      const response = await client.request({ method: 'GET', url: `/api/persons/${personId}/payment-quote` });
      expect(response.statusCode).toBe(200);
      return response.json() as {
        asOf: string;
        amountFen: number;
        billsFen: number;
        lateFeesFen: number;
        lateFees: { sourceBillNo: string; days: number; feeFen: number }[];
      };
    }
    const pay = (client: Client, personId: number, amountFen: number, key: string) =>
      client.request({
        method: 'POST',
        url: `/api/persons/${personId}/payments`,
        payload: { amountFen },
        headers: { 'idempotency-key': `payment-quote-${key}` },
      });

    it('shows why the open total is not enough: paying it leaves a late fee open', async () => {
      const owedFen = owedOf(await openBills(other, ids.other));
      const paid = await pay(other, ids.other, owedFen, 'naive');
      expect(paid.statusCode).toBe(201);
      const left = await openBills(other, ids.other);
      expect(left.map((bill) => bill.kind)).toEqual(['late_fee']);
      expect(owedOf(left)).toBeGreaterThan(0);
    });

    it('quotes the amount due today, late fees to today included, without keeping anything', async () => {
      const before = await openBills(worker, ids.worker);
      const first = await quote(worker, ids.worker);
      expect(first.asOf).toBe('2025-10-20');
      expect(first.billsFen).toBe(owedOf(before));
      // July, August and September are late (due on the 15th of the next month); October is not due yet.
      expect(first.lateFees.map((fee) => fee.days)).toEqual([66, 35, 5]);
      expect(first.lateFeesFen).toBe(first.lateFees.reduce((sum, fee) => sum + fee.feeFen, 0));
      expect(first.lateFeesFen).toBeGreaterThan(0);
      expect(first.amountFen).toBe(first.billsFen + first.lateFeesFen);
      // Quoting wrote nothing: the same bills are open and a second quote is the same.
      expect(await openBills(worker, ids.worker)).toEqual(before);
      expect(await quote(worker, ids.worker)).toEqual(first);
    });

    it('clears everything when exactly the quoted amount is paid: nothing open, no new late fee, no credit', async () => {
      const { amountFen, lateFeesFen } = await quote(worker, ids.worker);
      const paid = await pay(worker, ids.worker, amountFen, 'exact');
      expect(paid.statusCode).toBe(201);
      const receipt = paid.json();
      expect(receipt.creditFen).toBe(0);
      expect(receipt.lateFees.reduce((sum: number, fee: { feeFen: number }) => sum + fee.feeFen, 0)).toBe(
        lateFeesFen,
      );
      expect(await openBills(worker, ids.worker)).toEqual([]);
      expect((await quote(worker, ids.worker)).amountFen).toBe(0);
      const report = await verifyLedger(get().db);
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    });

    it('quotes only for the person themself and for flexible workers', async () => {
      const response = await worker.request({
        method: 'GET',
        url: `/api/persons/${ids.other}/payment-quote`,
      });
      expect(response.statusCode).toBe(403);
    });
  },
  { clock: fixedClock('2025-10-20T02:00:00.000Z') },
);
