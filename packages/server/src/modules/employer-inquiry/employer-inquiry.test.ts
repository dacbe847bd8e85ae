import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { insertRightsScenario } from '../../testing/rights-scenario.ts';
import {
  arrearsReply,
  employeeMonthlyDetails,
  employerArrears,
  listBills,
  listPayments,
  listStaff,
  paymentReceipt,
} from './index.ts';

describeEachDatabase('employer inquiry', (getDb) => {
  let ids: { e1: number; e2: number; a: number; b: number };

  it('lists the staff, identity numbers masked, a page at a time', async () => {
    const db = getDb();
    ids = await insertRightsScenario(db);
    const deps = { db, today: '2025-10-10' };
    const all = await listStaff(deps, { employerId: ids.e2, current: false });
    expect(all.items.map((member) => member.personId)).toEqual([expect.any(Number), ids.a, ids.b]);
    expect(all.items.every((member) => /^\d{6}\*{8}[\dX]{4}$/.test(member.idNumberMasked))).toBe(true);
    expect(all.nextAfterId).toBeNull();
    const first = await listStaff(deps, { employerId: ids.e2, limit: 2 });
    expect(first.items).toHaveLength(2);
    const rest = await listStaff(deps, { employerId: ids.e2, limit: 2, afterId: first.nextAfterId! });
    expect(rest).toMatchObject({ items: [{ personId: ids.b }], nextAfterId: null });
    // Person B left employer 1 in July: not current staff any more.
    const current = await listStaff(deps, { employerId: ids.e1 });
    expect(current.items.map((member) => member.personId)).toEqual([ids.a]);
    await expect(listStaff(deps, { employerId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists bills with what is paid and owed, payments, and rebuilds a receipt', async () => {
    const db = getDb();
    const bills = await listBills({ db }, { employerId: ids.e1 });
    expect(bills.items.map((bill) => [bill.period, bill.kind, bill.status])).toEqual([
      ['2025-07', 'regular', 'paid'],
      ['2025-08', 'regular', 'owed'],
      ['2025-09', 'regular', 'owed'],
      ['2025-07', 'adjustment', 'owed'],
    ]);
    expect((await listBills({ db }, { employerId: ids.e1, period: '2025-07' })).items).toHaveLength(2);
    const payments = await listPayments({ db }, { employerId: ids.e1 });
    expect(payments.items).toHaveLength(1);
    const [payment] = payments.items;
    expect(payment!.appliedFen).toBe(bills.items[0]!.totalFen);
    const receipt = await paymentReceipt({ db }, { employerId: ids.e1, paymentId: payment!.paymentId });
    expect(receipt.allocations).toEqual([
      { billNo: bills.items[0]!.billNo, period: '2025-07', kind: 'regular', amountFen: payment!.amountFen },
    ]);
    expect(receipt).toMatchObject({ payerKey: `E${ids.e1}`, lateFees: [], creditFen: 0 });
    await expect(
      paymentReceipt({ db }, { employerId: ids.e2, paymentId: payment!.paymentId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'paymentId' });
  });

  it('gives the arrears with the late fee running on each overdue bill', async () => {
    const db = getDb();
    const policy = createPolicyService(db, fixedClock('2025-10-10T02:00:00.000Z'));
    const arrears = await employerArrears({ db, policy }, { employerId: ids.e1, asOf: '2025-10-20' });
    expect(arrearsReply.parse(arrears)).toEqual(arrears);
    expect(arrears.bills.map((bill) => bill.period)).toEqual(['2025-08', '2025-09', '2025-07']);
    const [august] = arrears.bills;
    expect(august!.daysOverdue).toBeGreaterThan(0);
    // 0.05% a day (SIL Art. 86), half-up to the fen.
    expect(arrears.dailyRatePpm).toBe(500);
    expect(august!.accruingLateFeeFen).toBe(
      Math.round((august!.owedFen * 500 * august!.daysOverdue) / 1_000_000),
    );
    expect(arrears.contributionsOwedFen).toBe(arrears.bills.reduce((sum, bill) => sum + bill.owedFen, 0));
    expect(arrears.lateFeesChargedFen).toBe(0);
    await expect(
      employerArrears({ db, policy }, { employerId: ids.e1, asOf: '2025-13-01' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'asOf',
    });
  });

  it('tells owed, due and overdue apart: a bill not yet due is owed, not arrears', async () => {
    const db = getDb();
    const policy = createPolicyService(db, fixedClock('2025-10-10T02:00:00.000Z'));
    const standings = async (asOf: string) => {
      const arrears = await employerArrears({ db, policy }, { employerId: ids.e1, asOf });
      const owed = (period: string) => arrears.bills.find((bill) => bill.period === period)!.owedFen;
      return { arrears, owed };
    };
    // August was due on 15 September; September and July's adjustment are due on 15 October.
    const before = await standings('2025-10-10');
    expect(before.arrears.bills.map((bill) => [bill.period, bill.standing])).toEqual([
      ['2025-08', 'overdue'],
      ['2025-09', 'not_yet_due'],
      ['2025-07', 'not_yet_due'],
    ]);
    expect(before.arrears.contributionsOverdueFen).toBe(before.owed('2025-08'));
    expect(before.arrears.contributionsDueFen).toBe(before.owed('2025-08'));
    expect(before.arrears.contributionsOwedFen).toBe(
      before.owed('2025-08') + before.owed('2025-09') + before.owed('2025-07'),
    );
    // On the due date the October bills are due but not overdue, and no late fee runs on them yet.
    const onTheDay = await standings('2025-10-15');
    expect(onTheDay.arrears.bills.map((bill) => bill.standing)).toEqual(['overdue', 'due', 'due']);
    expect(onTheDay.arrears.contributionsDueFen).toBe(onTheDay.arrears.contributionsOwedFen);
    expect(onTheDay.arrears.contributionsOverdueFen).toBe(onTheDay.owed('2025-08'));
    expect(onTheDay.arrears.bills[1]!.accruingLateFeeFen).toBe(0);
    const after = await standings('2025-10-16');
    expect(after.arrears.contributionsOverdueFen).toBe(after.arrears.contributionsOwedFen);
  });

  it("reuses employer-notices for each employee's monthly details (Art. 60)", async () => {
    const details = await employeeMonthlyDetails({ db: getDb() }, { employerId: ids.e2, period: '2025-09' });
    expect(details.employees.map((employee) => employee.personId)).toContain(ids.b);
  });
});
