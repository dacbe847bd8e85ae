import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { verifyLedger } from '../ledger/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { runCollection } from '../../workflows/index.ts';
import type { Kysely } from 'kysely';

const clock = fixedClock('2025-08-01T02:00:00.000Z');

function deps(db: Kysely<Database>) {
  return { db, clock, policy: createPolicyService(db, clock) };
}

async function snapshot(db: Kysely<Database>) {
  const bills = await db
    .selectFrom('bills')
    .select([
      'bill_no',
      'payer_key',
      'total_fen',
      'employer_fen',
      'employee_fen',
      'pension_fen',
      'medical_fen',
      'due_date',
    ])
    .orderBy('bill_no')
    .execute();
  const lines = await db
    .selectFrom('contribution_lines as l')
    .innerJoin('bills as b', 'b.id', 'l.bill_id')
    .select([
      'b.bill_no',
      'l.person_id',
      'l.pension_base_fen',
      'l.pension_employee_fen',
      'l.medical_employee_fen',
      'l.pension_account_fen',
    ])
    .orderBy('b.bill_no')
    .orderBy('l.person_id')
    .execute();
  const entries = await db
    .selectFrom('journal_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { bills, lines, entries: Number(entries.n) };
}

const region = {
  regionCode: '110000',
  cycleStart: '2025-07',
  employers: [
    { employees: [{ wageFen: 2_000_000 }, { wageFen: 300_000 }, { wageFen: null }] },
    {
      industryClass: 5,
      injuryFloatPpm: 1_200_000,
      employees: [{ wageFen: 1_000_000 }, { wageFen: 1_000_000, leftOn: '2025-06-30' }],
    },
    { employees: [] },
  ],
  flexible: [{ baseFen: 1_193_700, startPeriod: '2025-01' }],
};

describeEachDatabase('monthly collection run', (getDb) => {
  it('bills each employer and flexible worker once, with one line per person, and the ledger balances', async () => {
    const db = getDb();
    const { employerIds, flexibleIds } = await insertCollectionFixture(db, region);
    const result = await runCollection(deps(db), { regionCode: '110000', period: '2025-07' });
    expect(result).toMatchObject({ bills: 3, personMonths: 5 });

    const bills = await db.selectFrom('bills').selectAll().orderBy('id').execute();
    const first = bills.find((bill) => bill.employer_id === employerIds[0])!;
    // 20000 wage -> 7403.00 (worked example); 3000 and no base -> floor 7162: employee 8%+2%+3+0.5% = 755.96 + ...
    const floorEmployee = 57_296 + 14_324 + 300 + 3_581; // 572.96 + 143.24 + 3.00 + 35.81
    const floorEmployer = 114_592 + 70_188 + 3_581 + 1_432; // 16% 9.8% 0.5% 0.2% of 7162
    expect(first.employee_fen).toBe(210_300 + 2 * floorEmployee);
    expect(first.employer_fen).toBe(530_000 + 2 * floorEmployer);
    expect(first.total_fen).toBe(first.employee_fen + first.employer_fen);
    expect(first.bill_no).toBe(`202507-E${employerIds[0]}`);
    expect(first.due_date).toBe('2025-08-15');

    const second = bills.find((bill) => bill.employer_id === employerIds[1])!;
    // class 5 × 120% = 1.32% of 10000 = 132.00; the leaver of June is not billed for July
    expect(second.work_injury_fen).toBe(13_200);
    const flexibleBill = bills.find((bill) => bill.person_id === flexibleIds[0])!;
    expect(flexibleBill).toMatchObject({
      payer_key: `P${flexibleIds[0]}`,
      employer_fen: 0,
      employee_fen: 238_740,
    });

    const report = await verifyLedger(db);
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    const receivable = report.balances.filter((balance) => balance.account === 'receivable');
    const owed = receivable.reduce((sum, balance) => sum + balance.debitFen - balance.creditFen, 0);
    expect(owed).toBe(bills.reduce((sum, bill) => sum + bill.total_fen, 0));
  });

  it('changes nothing when run again', async () => {
    const db = getDb();
    const before = await snapshot(db);
    const again = await runCollection(deps(db), { regionCode: '110000', period: '2025-07' });
    expect(again).toMatchObject({ bills: 0, personMonths: 0 });
    expect(await snapshot(db)).toEqual(before);
  });
});

describeEachDatabase('a collection run killed half-way', (getDb) => {
  it('resumes to exactly what one clean run leaves', async () => {
    const db = getDb();
    await insertCollectionFixture(db, region);
    let chunks = 0;
    const crash = runCollection(deps(db), {
      regionCode: '110000',
      period: '2025-08',
      chunkEmployers: 1,
      onProgress: () => {
        chunks += 1;
        if (chunks === 2) throw new Error('killed');
      },
    });
    await expect(crash).rejects.toThrow('killed');
    const half = await snapshot(db);
    expect(half.bills.length).toBe(2);
    const rest = await runCollection(deps(db), {
      regionCode: '110000',
      period: '2025-08',
      chunkEmployers: 1,
    });
    expect(rest.bills).toBe(1);
    const resumed = await snapshot(db);
    expect(resumed.bills.length).toBe(3);
    expect((await verifyLedger(db)).ok).toBe(true);

    // The same month assessed in one clean run of a fresh copy of the region leaves the same rows.
    await runCollection(deps(db), { regionCode: '110000', period: '2025-09' });
    const clean = await snapshot(db);
    const month = (rows: typeof clean.bills, period: string) =>
      rows
        .filter((row) => row.bill_no.startsWith(period))
        .map(({ bill_no, due_date: _dueDate, ...rest }) => ({ ...rest, payer: bill_no.slice(7) }));
    expect(month(resumed.bills, '202508')).toEqual(month(clean.bills, '202509'));
  });
});

describeEachDatabase('a region with many flexible workers', (getDb) => {
  it('bills thousands of flexible workers in one run (each chunk within the databases’ parameter limits)', async () => {
    const db = getDb();
    const { flexibleIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [],
      flexible: Array.from({ length: 2_500 }, () => ({ baseFen: 1_193_700, startPeriod: '2025-01' })),
    });
    const result = await runCollection(deps(db), {
      regionCode: '110000',
      period: '2025-07',
      chunkEmployers: 200,
    });
    expect(result).toMatchObject({ bills: flexibleIds.length, personMonths: flexibleIds.length });
    expect((await verifyLedger(db)).ok).toBe(true);
  }, 120_000);
});
