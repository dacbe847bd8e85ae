import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase, expectPersonYearSummariesKept } from '../../testing/index.ts';
import type { Database } from '../schema.ts';

type Amounts = Partial<Record<'pension' | 'medical' | 'maternity' | 'unemployment' | 'workInjury', number>>;

let nextBill = 1;

/** A line straight into the table (no foreign keys since 0005): what the triggers see from any writer. */
async function addLine(db: Kysely<Database>, personId: number, period: string, amounts: Amounts) {
  await db
    .insertInto('contribution_lines')
    .values({
      bill_id: nextBill++,
      person_id: personId,
      region_code: '110000',
      period,
      pension_base_fen: 1_000_000,
      medical_base_fen: 1_000_000,
      unemployment_base_fen: 1_000_000,
      work_injury_base_fen: 1_000_000,
      pension_employer_fen: amounts.pension ?? 0,
      pension_employee_fen: 0,
      medical_employer_fen: amounts.medical ?? 0,
      medical_employee_fen: 0,
      maternity_employer_fen: amounts.maternity ?? 0,
      unemployment_employer_fen: amounts.unemployment ?? 0,
      unemployment_employee_fen: 0,
      work_injury_employer_fen: amounts.workInjury ?? 0,
      pension_account_fen: 0,
      medical_account_fen: 0,
    })
    .execute();
}

async function summary(db: Kysely<Database>, personId: number, year: number) {
  return db
    .selectFrom('person_year_summaries')
    .selectAll()
    .where('person_id', '=', personId)
    .where('year', '=', year)
    .executeTakeFirst();
}

describeEachDatabase('person year summaries', (getDb) => {
  it('sets a month bit per insurance when the month nets positive, and clears it when an adjustment nets it to zero', async () => {
    const db = getDb();
    await addLine(db, 1, '2025-01', { pension: 100, medical: 50, workInjury: 5 });
    await addLine(db, 1, '2025-03', { pension: 100 });
    await addLine(db, 1, '2025-12', { unemployment: 10 });
    let row = await summary(db, 1, 2025);
    expect(Number(row!.pension_months)).toBe(0b101);
    expect(Number(row!.medical_months)).toBe(0b1);
    expect(Number(row!.work_injury_months)).toBe(0b1);
    expect(Number(row!.unemployment_months)).toBe(1 << 11);
    expect(Number(row!.contributed_months)).toBe((1 << 11) | 0b101);

    // March's contribution taken back whole by an adjustment: the month no longer counts.
    await addLine(db, 1, '2025-03', { pension: -100 });
    // A second payer in January: still one month.
    await addLine(db, 1, '2025-01', { pension: 80 });
    row = await summary(db, 1, 2025);
    expect(Number(row!.pension_months)).toBe(0b1);
    expect(Number(row!.contributed_months)).toBe((1 << 11) | 0b1);
    await expectPersonYearSummariesKept(db);
  });

  it('keeps every (person, year) of a multi-row insert, several months of one year in one statement', async () => {
    const db = getDb();
    const rows = [3, 4].flatMap((personId) =>
      ['2023-02', '2023-07', '2024-01'].map((period) => ({
        bill_id: nextBill++,
        person_id: personId,
        region_code: '110000',
        period,
        pension_base_fen: 1,
        medical_base_fen: 1,
        unemployment_base_fen: 1,
        work_injury_base_fen: 1,
        pension_employer_fen: 10,
        pension_employee_fen: 5,
        medical_employer_fen: 0,
        medical_employee_fen: 0,
        maternity_employer_fen: 0,
        unemployment_employer_fen: 0,
        unemployment_employee_fen: 0,
        work_injury_employer_fen: 0,
        pension_account_fen: 5,
        medical_account_fen: 0,
      })),
    );
    await db.insertInto('contribution_lines').values(rows).execute();
    expect(Number((await summary(db, 4, 2023))!.pension_months)).toBe((1 << 1) | (1 << 6));
    expect(Number((await summary(db, 4, 2024))!.pension_months)).toBe(1);
    await expectPersonYearSummariesKept(db);
  });
});
