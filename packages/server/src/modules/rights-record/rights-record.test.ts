import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { describeEachDatabase, expectPersonYearSummariesKept } from '../../testing/index.ts';
import {
  assembleRecord,
  findPersonId,
  readRecordRows,
  rightsRecord,
  rightsRecordForYear,
  rightsRecordReply,
  rightsRecordToCsv,
} from './index.ts';
import { insertRightsScenario } from '../../testing/rights-scenario.ts';

/** The scenario's months are July to September 2025; today is in October. */
const clock = fixedClock('2025-10-10T02:00:00.000Z');

describeEachDatabase('rights record', (getDb) => {
  let ids: { e1: number; e2: number; a: number; b: number };

  it('gives each month per payer, adjustments netted in, paid or owed, overlaps flagged', async () => {
    const db = getDb();
    ids = await insertRightsScenario(db);
    const record = await rightsRecordForYear({ db, clock }, ids.a, 2025);
    expect(rightsRecordReply.parse(record)).toEqual(record);
    expect(record.from).toBe('2025-01');
    expect(record.to).toBe('2025-12');
    expect(record.person.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(record.months.map((m) => [m.period, m.payerKey, m.status, m.overlap])).toEqual([
      ['2025-07', `E${ids.e1}`, 'partly_paid', false],
      ['2025-08', `E${ids.e1}`, 'owed', true],
      ['2025-08', `E${ids.e2}`, 'owed', true],
      ['2025-09', `E${ids.e1}`, 'owed', true],
      ['2025-09', `E${ids.e2}`, 'owed', true],
    ]);
    const [july, august] = record.months;
    // 16% + 8% of 20000 yuan, plus the adjustment of 240 yuan on a base corrected to 21000 yuan.
    expect(july!.insurances.pension).toEqual({
      baseFen: 2_100_000,
      employerFen: 336_000,
      employeeFen: 168_000,
    });
    expect(july!.adjustmentFen).toBe(24_000);
    expect(july!.employerName).toBe('Employer 1');
    expect(july!.personalAccounts.pensionFen).toBe(168_000);
    expect(august!.insurances.pension).toEqual({
      baseFen: 2_000_000,
      employerFen: 320_000,
      employeeFen: 160_000,
    });
    expect(record.overlaps).toEqual([
      { period: '2025-08', payerKeys: [`E${ids.e1}`, `E${ids.e2}`] },
      { period: '2025-09', payerKeys: [`E${ids.e1}`, `E${ids.e2}`] },
    ]);
    expect(record.gaps).toEqual([]);
    expect(record.totals.totalFen).toBe(record.months.reduce((sum, m) => sum + m.totalFen, 0));
    expect(record.totals.owedMonths).toBe(5);
  });

  it('tells owed, due and overdue months apart by the due date of their unpaid bills', async () => {
    const db = getDb();
    const record = await rightsRecordForYear({ db, clock }, ids.a, 2025);
    // Each month is due on the 15th of the next; July owes only its adjustment, billed in October.
    expect(record.months.map((m) => [m.period, m.dueDate])).toEqual([
      ['2025-07', '2025-10-15'],
      ['2025-08', '2025-09-15'],
      ['2025-08', '2025-09-15'],
      ['2025-09', '2025-10-15'],
      ['2025-09', '2025-10-15'],
    ]);
    // On 10 October only August is past its due date; September is owed but not yet due.
    expect(record.totals).toMatchObject({ owedMonths: 5, dueMonths: 2, overdueMonths: 2 });
    const dueDay = await rightsRecordForYear(
      { db, clock: fixedClock('2025-10-15T02:00:00.000Z') },
      ids.a,
      2025,
    );
    expect(dueDay.totals).toMatchObject({ owedMonths: 5, dueMonths: 5, overdueMonths: 2 });
    const dayAfter = await rightsRecordForYear(
      { db, clock: fixedClock('2025-10-16T02:00:00.000Z') },
      ids.a,
      2025,
    );
    expect(dayAfter.totals).toMatchObject({ owedMonths: 5, dueMonths: 5, overdueMonths: 5 });
    // A month paid in full has no due date left.
    const b = await rightsRecordForYear({ db, clock }, ids.b, 2025);
    expect(b.months.find((m) => m.period === '2025-07')).toMatchObject({ status: 'paid', dueDate: null });
  });

  it('counts a month once per insurance even with two employers, and paid months apart', async () => {
    const record = await rightsRecordForYear({ db: getDb(), clock }, ids.a, 2025);
    const pension = record.contributionMonths.find((c) => c.insurance === 'pension')!;
    // July's adjustment is unpaid, so no month is paid in full yet.
    expect(pension).toEqual({ insurance: 'pension', inRange: 3, cumulative: 3, cumulativePaid: 0 });
    const c = await rightsRecordForYear({ db: getDb(), clock }, (await personOf(getDb(), ids.e2)).id, 2025);
    expect(c.contributionMonths.find((m) => m.insurance === 'medical')).toEqual({
      insurance: 'medical',
      inRange: 3,
      cumulative: 3,
      cumulativePaid: 0,
    });
    expect(record.firstPeriod).toBe('2025-07');
    expect(record.lastPeriod).toBe('2025-09');
    // Nothing before 2025: an earlier year has no months, and the cumulative count stops at its end.
    const earlier = await rightsRecordForYear({ db: getDb(), clock }, ids.a, 2024);
    expect(earlier.months).toEqual([]);
    expect(earlier.gaps).toEqual([]);
    expect(earlier.contributionMonths.every((m) => m.cumulative === 0)).toBe(true);
    // The first and last month ever are the record's, whatever the year asked for.
    expect([earlier.firstPeriod, earlier.lastPeriod]).toEqual(['2025-07', '2025-09']);
  });

  it("shows the pension account's year: contributions credited when paid, and the year's interest", async () => {
    const record = await rightsRecordForYear({ db: getDb(), clock }, ids.a, 2025);
    const [year] = record.accounts.pension;
    // Only July of employer 1 is paid: 8% of 20000 yuan went to the account; the adjustment is unpaid.
    expect(year).toMatchObject({ year: 2025, openingFen: 0, contributionsFen: 160_000 });
    expect(year!.interestFen).toBeGreaterThan(0);
    expect(year!.closingFen).toBe(160_000 + year!.interestFen);
    expect(record.accounts.medical[0]).toMatchObject({ year: 2025, contributionsFen: 40_000 });
    const next = await rightsRecordForYear({ db: getDb(), clock }, ids.a, 2026);
    expect(next.accounts.pension).toEqual([
      {
        year: 2026,
        openingFen: year!.closingFen,
        contributionsFen: 0,
        interestFen: 0,
        spentFen: 0,
        closingFen: year!.closingFen,
      },
    ]);
  });

  it('counts account movements only up to the end of a range that stops inside a year', async () => {
    const db = getDb();
    const whole = await rightsRecordForYear({ db, clock }, ids.a, 2025);
    const ranged = await rightsRecord({ db, clock }, { personId: ids.a, from: '2025-07', to: '2025-08' });
    // July's credit is in the range; the year's interest (credited for December) is not.
    expect(ranged.accounts.pension).toEqual([
      {
        year: 2025,
        openingFen: 0,
        contributionsFen: 160_000,
        interestFen: 0,
        spentFen: 0,
        closingFen: 160_000,
      },
    ]);
    expect(whole.accounts.pension[0]!.interestFen).toBeGreaterThan(0);
    // Months up to August only: July, and August with two employers counted once.
    expect(ranged.contributionMonths.find((m) => m.insurance === 'pension')).toMatchObject({
      inRange: 2,
      cumulative: 2,
    });
  });

  it('flags a month without contributions between the first and the last as a gap', async () => {
    const db = getDb();
    const record = await rightsRecord({ db, clock }, { personId: ids.b });
    // The whole record runs to this month; the current month is not a gap yet.
    expect([record.from, record.to]).toEqual(['2025-07', '2025-10']);
    expect(record.months.map((m) => [m.period, m.payerKey])).toEqual([
      ['2025-07', `E${ids.e1}`],
      ['2025-09', `E${ids.e2}`],
    ]);
    expect(record.gaps).toEqual(['2025-08']);
    expect(record.contributionMonths.find((m) => m.insurance === 'pension')!.cumulative).toBe(2);
    const ranged = await rightsRecord({ db, clock }, { personId: ids.b, from: '2025-08', to: '2025-08' });
    expect(ranged.months).toEqual([]);
    expect(ranged.gaps).toEqual(['2025-08']);
    expect(ranged.contributionMonths.find((m) => m.insurance === 'pension')).toMatchObject({
      inRange: 0,
      cumulative: 1,
    });
  });

  it('exports CSV with Chinese and English headers, a row per month and per gap', async () => {
    const record = await rightsRecord({ db: getDb(), clock }, { personId: ids.b });
    const csv = rightsRecordToCsv(record);
    expect(csv.startsWith('\uFEFF月份 Month,缴费单位 Payer,')).toBe(true);
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^2025-07,Employer 1,10000\.00,1600\.00,800\.00,/);
    expect(lines[2]).toMatch(/^2025-08,中断 gap,/);
  });

  it('finds a person by identity number and refuses unknown people and mixed ranges', async () => {
    const db = getDb();
    const person = await db
      .selectFrom('persons')
      .select(['id', 'id_number'])
      .where('id', '=', ids.a)
      .executeTakeFirstOrThrow();
    expect(await findPersonId({ db }, person.id_number.toLowerCase())).toBe(ids.a);
    await expect(findPersonId({ db }, '110101199001011234')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'idNumber',
    });
    await expect(rightsRecordForYear({ db, clock }, 999_999, 2025)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'personId',
    });
    await expect(
      rightsRecord({ db, clock }, { personId: ids.a, year: 2025, from: '2025-01' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'year',
    });
    await expect(
      rightsRecord({ db, clock }, { personId: ids.a, from: '2025-09', to: '2025-01' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'from',
    });
  });

  it('assembles the same record from rows read once, without the database', async () => {
    const db = getDb();
    const rows = await readRecordRows(db, ids.a, '2025-01', '2025-12', '2025-10-10');
    expect(assembleRecord(rows)).toEqual(await rightsRecordForYear({ db, clock }, ids.a, 2025));
    // Assembling leaves its rows as they were.
    const untouched = structuredClone(rows);
    assembleRecord(rows);
    expect(rows).toEqual(untouched);
  });

  it('gives each year of a range its opening balance, contributions net of reversals, and interest', async () => {
    const db = getDb();
    const entry = (
      period: string,
      kind: 'contribution' | 'interest' | 'reversal',
      pension: number,
      medical: number,
    ) => ({
      person_id: ids.b,
      region_code: '110000',
      kind,
      period,
      bill_id: null,
      pension_fen: pension,
      medical_fen: medical,
      transaction_id: null,
    });
    await db
      .insertInto('personal_account_entries')
      .values([
        entry('2023-05', 'contribution', 10_000, 2_000),
        entry('2023-12', 'interest', 300, 0),
        entry('2024-03', 'contribution', 10_000, 2_000),
        entry('2024-04', 'reversal', -10_000, -2_000),
        entry('2024-12', 'interest', 400, 0),
      ])
      .execute();
    const record = await rightsRecord({ db, clock }, { personId: ids.b, from: '2024-01', to: '2025-12' });
    const [year2024, year2025] = record.accounts.pension;
    expect(year2024).toEqual({
      year: 2024,
      openingFen: 10_300,
      contributionsFen: 0,
      interestFen: 400,
      spentFen: 0,
      closingFen: 10_700,
    });
    expect(year2025!.year).toBe(2025);
    expect(year2025!.openingFen).toBe(10_700);
    expect(record.accounts.medical[0]).toEqual({
      year: 2024,
      openingFen: 2_000,
      contributionsFen: 0,
      interestFen: 0,
      spentFen: 0,
      closingFen: 2_000,
    });
    // One year alone opens with everything before it.
    const only2025 = await rightsRecordForYear({ db, clock }, ids.b, 2025);
    expect(only2025.accounts.pension).toEqual([year2025]);
  });

  it('reads its cumulative figures from person year summaries that match the lines and entries', async () => {
    await expectPersonYearSummariesKept(getDb());
  });
});

async function personOf(db: Kysely<Database>, employerId: number) {
  return db
    .selectFrom('employments')
    .select('person_id as id')
    .where('employer_id', '=', employerId)
    .orderBy('id')
    .executeTakeFirstOrThrow();
}
