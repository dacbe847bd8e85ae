import {
  ACCOUNT_COLUMNS,
  amountColumnOf,
  baseColumnOf,
  maskResidentId,
  RECORD_INSURANCES,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import { selectEmployerRegion, selectPersonNames } from '../registration/index.ts';
import { selectEmployeeMonths, type EmployeeMonthRow } from './employer-notices.repository.ts';
import {
  employeeMonthlyDetailsInput,
  type EmployeeMonthlyDetail,
  type EmployeeMonthlyDetails,
  type EmployeeMonthlyDetailsInput,
} from './employer-notices.schemas.ts';

/**
 * What an employer must tell each employee every month (SIL Art. 60): the bases, what the employer and
 * the employee paid for each insurance, the part that went to the person's own accounts, and whether the
 * month is paid. Regular, settlement and adjustment bills of the month are summed, so a correction shows
 * as the month's amount after it.
 */
export async function employeeMonthlyDetails(
  deps: { db: Kysely<Database> },
  input: EmployeeMonthlyDetailsInput,
): Promise<EmployeeMonthlyDetails> {
  const parsed = employeeMonthlyDetailsInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { employerId, period } = parsed.data;
  const rows = await selectEmployeeMonths(deps.db, employerId, period);
  if (rows.length === 0) await refuseEmptyMonth(deps.db, employerId, period);

  const persons = new Map(
    (
      await selectPersonNames(
        deps.db,
        rows.map((row) => row.person_id),
      )
    ).map((person) => [person.id, person]),
  );
  const employees = rows.map((row) => toDetail(row, persons.get(row.person_id)!));
  const sum = (pick: (employee: EmployeeMonthlyDetail) => number) =>
    employees.reduce((total, employee) => total + pick(employee), 0);
  return {
    employerId,
    period,
    employees,
    totals: {
      employerFen: sum((employee) => employee.employerFen),
      employeeFen: sum((employee) => employee.employeeFen),
      totalFen: sum((employee) => employee.totalFen),
    },
  };
}

function toDetail(row: EmployeeMonthRow, person: { name: string; id_number: string }): EmployeeMonthlyDetail {
  // Sums come back as text on PostgreSQL (numeric); they are whole fen either way.
  const amount = (column: string | undefined) =>
    column === undefined ? 0 : Number(row[column as keyof EmployeeMonthRow]);
  // Each insurance from the catalogue: its fund's base, what the employer and the person pay.
  const insurances = Object.fromEntries(
    RECORD_INSURANCES.map((insurance) => [
      insurance,
      {
        baseFen: amount(baseColumnOf(insurance).column),
        employerFen: amount(amountColumnOf(insurance, 'employer')?.column),
        employeeFen: amount(amountColumnOf(insurance, 'employee')?.column),
      },
    ]),
  ) as EmployeeMonthlyDetail['insurances'];
  const parts = Object.values(insurances);
  const employerFen = parts.reduce((total, part) => total + part.employerFen, 0);
  const employeeFen = parts.reduce((total, part) => total + part.employeeFen, 0);
  return {
    personId: row.person_id,
    name: person.name,
    idNumberMasked: maskResidentId(person.id_number),
    insurances,
    employerFen,
    employeeFen,
    totalFen: employerFen + employeeFen,
    personalAccounts: {
      pensionFen: amount(ACCOUNT_COLUMNS.find((column) => column.fund === 'pension')!.column),
      medicalFen: amount(ACCOUNT_COLUMNS.find((column) => column.fund === 'medical')!.column),
    },
    paid: amount('paid') === 1,
  };
}

async function refuseEmptyMonth(db: Kysely<Database>, employerId: number, period: string): Promise<never> {
  if (!(await selectEmployerRegion(db, employerId))) {
    throw new AppError(ErrorCode.NOT_FOUND, `employerId: no employer ${employerId}`, { field: 'employerId' });
  }
  throw new AppError(
    ErrorCode.NOT_FOUND,
    `period: nothing was billed to employer ${employerId} for ${period}`,
    {
      field: 'period',
    },
  );
}
