import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { runCollection } from '../../workflows/index.ts';
import { recordPayments } from '../payments/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { employeeMonthlyDetails } from './index.ts';

const clock = fixedClock('2025-08-10T02:00:00.000Z');
const deps = (db: Kysely<Database>) => ({ db, clock, policy: createPolicyService(db, clock) });

describeEachDatabase('employee monthly details', (getDb) => {
  let employerId = 0;
  let personIds: number[] = [];

  async function regularBill(db: Kysely<Database>) {
    return db
      .selectFrom('bills')
      .selectAll()
      .where('employer_id', '=', employerId)
      .where('kind', '=', 'regular')
      .executeTakeFirstOrThrow();
  }

  it("gives each employee's month, and the employees add up to the employer's bill", async () => {
    const db = getDb();
    const fixture = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [
        { employees: [{ wageFen: 2_000_000 }, { wageFen: 1_000_000 }] },
        { employees: [{ wageFen: 500_000 }] },
      ],
    });
    employerId = fixture.employerIds[0]!;
    personIds = fixture.personIds[0]!;
    await runCollection(deps(db), { regionCode: '110000', period: '2025-07' });
    const bill = await regularBill(db);

    const details = await employeeMonthlyDetails(deps(db), { employerId, period: '2025-07' });
    expect(details.employees.map((employee) => employee.personId)).toEqual(personIds);
    expect(details.totals).toEqual({
      employerFen: bill.employer_fen,
      employeeFen: bill.employee_fen,
      totalFen: bill.total_fen,
    });
    const [first] = details.employees;
    expect(first!.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(first!.insurances.pension).toEqual({
      baseFen: 2_000_000,
      employerFen: 320_000,
      employeeFen: 160_000,
    });
    expect(first!.insurances.maternity!.employeeFen).toBe(0);
    // Own accounts: 8% of the base to the pension account, 2% to the medical account (Beijing 2025).
    expect(first!.personalAccounts).toEqual({ pensionFen: 160_000, medicalFen: 40_000 });
    expect(first!.totalFen).toBe(first!.employerFen + first!.employeeFen);
    expect(details.employees.every((employee) => !employee.paid)).toBe(true);
  });

  it('says the month is paid once the bill is paid in full', async () => {
    const db = getDb();
    const bill = await regularBill(db);
    await recordPayments(deps(db), [
      { payerKey: `E${employerId}`, amountFen: bill.total_fen, paidOn: '2025-08-10', channel: 'api' },
    ]);
    const details = await employeeMonthlyDetails(deps(db), { employerId, period: '2025-07' });
    expect(details.employees.every((employee) => employee.paid)).toBe(true);
  });

  it('adds an adjustment bill to the month, with the corrected base, and reports it unpaid', async () => {
    const db = getDb();
    const personId = personIds[1]!;
    // A base corrected from 10000 to 11000 yuan: the adjustment line carries the new base and the differences.
    const { id: billId } = await db
      .insertInto('bills')
      .values({
        bill_no: `202507-E${employerId}-A1`,
        region_code: '110000',
        period: '2025-07',
        payer_key: `E${employerId}`,
        employer_id: employerId,
        person_id: null,
        kind: 'adjustment',
        due_date: '2025-09-15',
        employer_fen: 16_000,
        employee_fen: 8_000,
        total_fen: 24_000,
        pension_fen: 24_000,
        medical_fen: 0,
        unemployment_fen: 0,
        work_injury_fen: 0,
        run_id: null,
        recorded_at: '2025-08-10T02:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('contribution_lines')
      .values({
        bill_id: billId,
        person_id: personId,
        region_code: '110000',
        period: '2025-07',
        pension_base_fen: 1_100_000,
        medical_base_fen: 1_100_000,
        unemployment_base_fen: 1_100_000,
        work_injury_base_fen: 1_100_000,
        pension_employer_fen: 16_000,
        pension_employee_fen: 8_000,
        medical_employer_fen: 0,
        medical_employee_fen: 0,
        maternity_employer_fen: 0,
        unemployment_employer_fen: 0,
        unemployment_employee_fen: 0,
        work_injury_employer_fen: 0,
        pension_account_fen: 8_000,
        medical_account_fen: 0,
      })
      .execute();

    const bill = await regularBill(db);
    const details = await employeeMonthlyDetails(deps(db), { employerId, period: '2025-07' });
    expect(details.totals.totalFen).toBe(bill.total_fen + 24_000);
    const corrected = details.employees.find((employee) => employee.personId === personId)!;
    expect(corrected.insurances.pension).toEqual({
      baseFen: 1_100_000,
      employerFen: 176_000,
      employeeFen: 88_000,
    });
    expect(corrected.personalAccounts.pensionFen).toBe(88_000);
    expect(corrected.paid).toBe(false);
    expect(details.employees.find((employee) => employee.personId === personIds[0])!.paid).toBe(true);
  });

  it('refuses an unknown employer, a month without bills and a malformed month, naming the field', async () => {
    const db = getDb();
    await expect(
      employeeMonthlyDetails(deps(db), { employerId: 999_999, period: '2025-07' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'employerId',
    });
    await expect(employeeMonthlyDetails(deps(db), { employerId, period: '2025-06' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      field: 'period',
    });
    await expect(employeeMonthlyDetails(deps(db), { employerId, period: '2025-7' })).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'period',
    });
  });
});
