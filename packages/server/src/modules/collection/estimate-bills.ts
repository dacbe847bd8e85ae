import {
  assessPersonMonth,
  emptyPersonMonth,
  estimateUndeclaredMonth,
  personMonthTotalFen,
  type ContributionSchedule,
  type PersonMonthAmounts,
  type PolicyBook,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { addToTotals, emptyTotals } from './bill-rows.ts';
import { selectEstimateBases } from './estimates.repository.ts';
import type { AssessedEmployer, EmployeeMonth } from '../registration/index.ts';
import type { DraftBill } from './draft-bill.ts';

/**
 * SIL Art. 62 bills for employers that have not declared the month: one estimate line (no person, no
 * personal-account part) at the estimate rate of the employer's last month assessed on real data. An
 * employer with no such month is estimated from its staff on the register at the average wage (MOHRSS
 * Order 20 Art. 14: staff numbers and local wage levels); one with neither gets no bill.
 */
export async function draftEstimateBills(
  trx: Kysely<Database>,
  input: {
    book: PolicyBook;
    regionCode: string;
    period: string;
    employers: readonly AssessedEmployer[];
    months: readonly EmployeeMonth[];
    scheduleFor: (category: 'employee', injuryClass: number, injuryFloatPpm: number) => ContributionSchedule;
  },
): Promise<DraftBill[]> {
  const { book, regionCode, period } = input;
  const ratePpm = book.require<number>('collection.undeclaredEstimateRate', { regionCode, period }).value;
  const bases = await selectEstimateBases(
    trx,
    input.employers.map((employer) => employer.id),
    period,
  );
  const drafts: DraftBill[] = [];
  for (const employer of input.employers) {
    const previous = bases.get(employer.id);
    let basis: Parameters<typeof estimateUndeclaredMonth>[0];
    if (previous) {
      basis = {
        method: 'previous-month',
        basisPeriod: previous.period,
        basis: previous.amounts,
        headcount: previous.headcount,
      };
    } else {
      const staff = input.months.filter((month) => month.employerId === employer.id);
      if (staff.length === 0) continue;
      const averageWageFen = book.require<number>('base.averageWage', { regionCode, period }).value;
      const schedule = input.scheduleFor('employee', employer.industryClass, employer.injuryFloatPpm);
      basis = {
        method: 'headcount',
        basisPeriod: null,
        basis: sumAmounts(staff.map(() => assessPersonMonth(schedule, averageWageFen))),
        headcount: staff.length,
      };
    }
    const estimate = estimateUndeclaredMonth(basis, ratePpm);
    const totals = emptyTotals();
    addToTotals(totals, estimate.amounts);
    drafts.push({
      payerKey: `E${employer.id}`,
      employerId: employer.id,
      personId: null,
      totals,
      lines: [{ personId: null, amounts: estimate.amounts }],
      estimate: {
        method: basis.method,
        basisPeriod: basis.basisPeriod,
        basisTotalFen: personMonthTotalFen(basis.basis),
        headcount: basis.headcount,
        ratePpm,
      },
    });
  }
  return drafts;
}

function sumAmounts(rows: readonly PersonMonthAmounts[]): PersonMonthAmounts {
  const sum = emptyPersonMonth();
  for (const row of rows) {
    for (const key of Object.keys(sum) as (keyof PersonMonthAmounts)[]) sum[key] += row[key];
  }
  return sum;
}
