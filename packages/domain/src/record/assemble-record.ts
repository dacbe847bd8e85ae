import {
  ACCOUNT_COLUMNS,
  AMOUNT_COLUMNS,
  amountColumnOf,
  baseColumnOf,
  EMPLOYEE_COLUMNS,
  EMPLOYER_COLUMNS,
  emptyPersonMonth,
  INSURANCE_COLUMNS,
  personMonthTotalFen,
  sumColumns,
  type PersonMonthAmounts,
} from '../contribution/insurance-columns.ts';
import { maskResidentId } from '../identifiers/index.ts';
import type { Insurance } from '../policy/dimensions.ts';
import { addMonths, dateToPeriod } from '../time/index.ts';
import {
  LINE_TUPLE_BILL_AT,
  LINE_TUPLE_COLUMNS_AT,
  type AccountEntryTuple,
  type AccountOpeningTuple,
  type LineTuple,
  type RecordRows,
  type YearSummaryTuple,
} from './record-rows.ts';
import {
  RECORD_INSURANCES,
  type AccountYear,
  type InsuranceMonth,
  type ContributionMonths,
  type MonthStatus,
  type RightsMonth,
  type RightsRecord,
} from './record-types.ts';

/**
 * The assembly of a person's rights record from its rows (docs/RULES.md 13.1–13.3): the lines of each month and
 * payer netted into one month, contribution months counted per insurance, personal-account years with
 * their interest, gaps and overlaps, and what is owed, due and overdue. Pure: the rows come from the
 * server's repository, today is an argument.
 */

/** A line with its bill's payer and payment state, as the months are netted from. */
interface RecordLine {
  period: string;
  billId: number;
  /** The line's columns (INSURANCE_COLUMNS). */
  amounts: PersonMonthAmounts;
  payerKey: string;
  employerId: number | null;
  employerName: string | null;
  kind: string;
  billPaidFen: number;
  billTotalFen: number;
  billDueDate: string;
}

/** Per insurance of the record, the columns its month reads: the base, and what each party paid. */
const INSURANCE_PARTS = RECORD_INSURANCES.map((insurance) => ({
  insurance,
  base: baseColumnOf(insurance).key,
  employer: amountColumnOf(insurance, 'employer')?.key,
  employee: amountColumnOf(insurance, 'employee')?.key,
}));
/** The columns a month sums over its lines: the amounts and the personal-account parts. */
const SUMMED_COLUMNS = [...AMOUNT_COLUMNS, ...ACCOUNT_COLUMNS];

/** What the cumulative figures need from the person's years (person_year_summaries). */
interface Counts {
  first_period: string | null;
  last_period: string | null;
  cumulative: Record<Insurance, number>;
  cumulativePaid: Record<Insurance, number>;
}

/** Where each insurance's month mask sits in a YearSummaryTuple. */
const MASK_INDEX = {
  pension: 1,
  medical: 2,
  maternity: 3,
  unemployment: 4,
  work_injury: 5,
} as const satisfies Record<(typeof RECORD_INSURANCES)[number], number>;
const CONTRIBUTED_MASK = 6;

/** The record from its rows: months netted, counts, account years, gaps and overlaps, totals. */
export function assembleRecord(rows: RecordRows): RightsRecord {
  const { person, from, to, years } = rows;
  const ever = firstAndLastMonth(years);
  const counts: Counts = {
    first_period: ever.first,
    last_period: ever.last,
    ...countMonths(years, to, rows.unpaidPeriods),
  };
  const months = toMonths(toRecordLines(rows.lines));
  const currentMonth = dateToPeriod(rows.today);
  const accountYears = toAccountMovements(rows.accountOpening, rows.accountEntries);
  const { gaps, overlaps } = findGapsAndOverlaps(months, from, to, counts, currentMonth);
  let employerFen = 0;
  let employeeFen = 0;
  let owedMonths = 0;
  let dueMonths = 0;
  let overdueMonths = 0;
  for (const month of months) {
    employerFen += month.employerFen;
    employeeFen += month.employeeFen;
    if (month.status !== 'paid') owedMonths += 1;
    // Owed, due, overdue: docs/RULES.md 6.3.
    if (month.dueDate !== null && month.dueDate <= rows.today) dueMonths += 1;
    if (month.dueDate !== null && month.dueDate < rows.today) overdueMonths += 1;
  }
  return {
    person: {
      personId: Number(person[0]),
      name: person[2],
      idNumberMasked: maskResidentId(person[1]),
      regionCode: person[3],
    },
    from,
    to,
    asOf: rows.today,
    firstPeriod: counts.first_period,
    lastPeriod: counts.last_period,
    months,
    contributionMonths: toContributionMonths(counts, months),
    accounts: toAccountYears(accountYears, Number(from.slice(0, 4))),
    gaps,
    overlaps,
    totals: {
      employerFen,
      employeeFen,
      totalFen: employerFen + employeeFen,
      owedMonths,
      dueMonths,
      overdueMonths,
    },
  };
}

/** The lowest and highest month bit set in the masks of the first and last years with any. */
export function firstAndLastMonth(years: readonly YearSummaryTuple[]): {
  first: string | null;
  last: string | null;
} {
  let first: string | null = null;
  let last: string | null = null;
  for (const row of years) {
    const mask = Number(row[CONTRIBUTED_MASK]);
    if (mask === 0) continue;
    first ??= `${row[0]}-${pad(lowestBit(mask) + 1)}`;
    last = `${row[0]}-${pad(31 - Math.clz32(mask) + 1)}`;
  }
  return { first, last };
}

/**
 * Months per insurance up to `to` (the part of `to`'s year up to its month), and of those the months with
 * no line on an unpaid bill.
 */
function countMonths(
  years: YearSummaryTuple[],
  to: string,
  unpaidPeriods: string[],
): Pick<Counts, 'cumulative' | 'cumulativePaid'> {
  const toYear = Number(to.slice(0, 4));
  const toMonth = Number(to.slice(5, 7));
  const cumulative = {} as Record<Insurance, number>;
  const cumulativePaid = {} as Record<Insurance, number>;
  for (const insurance of RECORD_INSURANCES) {
    const index = MASK_INDEX[insurance];
    let months = 0;
    for (const row of years) {
      const year = Number(row[0]);
      if (year > toYear) break;
      const mask = Number(row[index]);
      months += bitCount(year === toYear ? mask & ((1 << toMonth) - 1) : mask);
    }
    let unpaid = 0;
    for (const period of unpaidPeriods) {
      const row = years.find((candidate) => Number(candidate[0]) === Number(period.slice(0, 4)));
      if (row && Number(row[index]) & (1 << (Number(period.slice(5, 7)) - 1))) unpaid += 1;
    }
    cumulative[insurance] = months;
    cumulativePaid[insurance] = months - unpaid;
  }
  return { cumulative, cumulativePaid };
}

/** The lines as the netting reads them, sorted by month, payer and bill (the latest line of a month last). */
function toRecordLines(lines: LineTuple[]): RecordLine[] {
  const bill = LINE_TUPLE_BILL_AT;
  const joined = lines.map((line): RecordLine => {
    const amounts = {} as PersonMonthAmounts;
    INSURANCE_COLUMNS.forEach(({ key }, index) => {
      amounts[key] = Number(line[LINE_TUPLE_COLUMNS_AT + index]);
    });
    return {
      period: line[0],
      billId: Number(line[1]),
      amounts,
      payerKey: line[bill] as string,
      employerId: line[bill + 1] === null ? null : Number(line[bill + 1]),
      kind: line[bill + 2] as string,
      billPaidFen: Number(line[bill + 3]),
      billTotalFen: Number(line[bill + 4]),
      employerName: line[bill + 5] as string | null,
      billDueDate: line[bill + 6] as string,
    };
  });
  return joined.sort((a, b) =>
    a.period !== b.period
      ? a.period < b.period
        ? -1
        : 1
      : a.payerKey !== b.payerKey
        ? a.payerKey < b.payerKey
          ? -1
          : 1
        : a.billId - b.billId,
  );
}

/**
 * The account movements, oldest first: everything before the range's first year as year 0, then the
 * entries summed per year (the interest entries also on their own).
 */
function toAccountMovements(
  opening: AccountOpeningTuple | undefined,
  entries: AccountEntryTuple[],
): AccountYearMovement[] {
  const movements: AccountYearMovement[] = [
    {
      year: 0,
      pensionChange: Number(opening?.[0] ?? 0),
      pensionInterest: 0,
      medicalChange: Number(opening?.[1] ?? 0),
      medicalInterest: 0,
      medicalSpent: 0,
    },
  ];
  const byYear = new Map<number, AccountYearMovement>();
  for (const [period, kind, pensionFen, medicalFen] of entries) {
    const year = Number(period.slice(0, 4));
    let movement = byYear.get(year);
    if (!movement) {
      movement = {
        year,
        pensionChange: 0,
        pensionInterest: 0,
        medicalChange: 0,
        medicalInterest: 0,
        medicalSpent: 0,
      };
      byYear.set(year, movement);
      movements.push(movement);
    }
    movement.pensionChange += Number(pensionFen);
    movement.medicalChange += Number(medicalFen);
    if (kind === 'interest') {
      movement.pensionInterest += Number(pensionFen);
      movement.medicalInterest += Number(medicalFen);
    }
    // What claims took from the medical account, and gave back when cancelled (docs/RULES.md 16.4).
    if (kind === 'medical-spending' || kind === 'medical-refund') movement.medicalSpent -= Number(medicalFen);
  }
  return movements.sort((a, b) => a.year - b.year);
}

interface AccountYearMovement {
  year: number;
  pensionChange: number;
  pensionInterest: number;
  medicalChange: number;
  medicalInterest: number;
  medicalSpent: number;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count += 1;
  return count;
}

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

function pad(month: number): string {
  return month < 10 ? `0${month}` : String(month);
}

/** Nets the lines of each (month, payer) into one month: amounts summed, bases of the latest line. */
function toMonths(lines: RecordLine[]): RightsMonth[] {
  const months: RightsMonth[] = [];
  let index = 0;
  while (index < lines.length) {
    const first = lines[index]!;
    let end = index;
    while (
      end + 1 < lines.length &&
      lines[end + 1]!.period === first.period &&
      lines[end + 1]!.payerKey === first.payerKey
    ) {
      end += 1;
    }
    months.push(netMonth(lines, index, end));
    index = end + 1;
  }
  for (let i = 1; i < months.length; i += 1) {
    if (months[i]!.period === months[i - 1]!.period) {
      months[i]!.overlap = true;
      months[i - 1]!.overlap = true;
    }
  }
  return months;
}

function netMonth(lines: RecordLine[], start: number, end: number): RightsMonth {
  const latest = lines[end]!;
  const sum = emptyPersonMonth();
  let adjustmentFen = 0;
  let billsPaid = 0;
  let billsTouched = 0;
  let dueDate: string | null = null;
  let lastBill = -1;
  for (let i = start; i <= end; i += 1) {
    const line = lines[i]!;
    for (const { key } of SUMMED_COLUMNS) sum[key] += line.amounts[key];
    if (line.kind === 'adjustment') adjustmentFen += personMonthTotalFen(line.amounts);
    if (line.billId !== lastBill) {
      lastBill = line.billId;
      if (line.billPaidFen >= line.billTotalFen) billsPaid += 1;
      else if (line.billPaidFen > 0) billsTouched += 1;
      if (line.billPaidFen < line.billTotalFen && (dueDate === null || line.billDueDate < dueDate))
        dueDate = line.billDueDate;
    }
  }
  const billCount = countBills(lines, start, end);
  const status: MonthStatus =
    billsPaid === billCount ? 'paid' : billsPaid > 0 || billsTouched > 0 ? 'partly_paid' : 'owed';
  const employerFen = sumColumns(sum, EMPLOYER_COLUMNS);
  const employeeFen = sumColumns(sum, EMPLOYEE_COLUMNS);
  const insurances = {} as Record<Insurance, InsuranceMonth>;
  for (const part of INSURANCE_PARTS) {
    insurances[part.insurance] = {
      // The base of the month's latest line (maternity: the medical fund's base).
      baseFen: latest.amounts[part.base],
      employerFen: part.employer === undefined ? 0 : sum[part.employer],
      employeeFen: part.employee === undefined ? 0 : sum[part.employee],
    };
  }
  return {
    period: latest.period,
    payerKey: latest.payerKey,
    employerId: latest.employerId,
    employerName: latest.employerName,
    insurances,
    employerFen,
    employeeFen,
    totalFen: employerFen + employeeFen,
    personalAccounts: { pensionFen: sum.pensionAccountFen, medicalFen: sum.medicalAccountFen },
    adjustmentFen,
    status,
    dueDate: status === 'paid' ? null : dueDate,
    overlap: false,
  };
}

function countBills(lines: RecordLine[], start: number, end: number): number {
  let count = 0;
  let last = -1;
  for (let i = start; i <= end; i += 1) {
    if (lines[i]!.billId !== last) {
      last = lines[i]!.billId;
      count += 1;
    }
  }
  return count;
}

/** The later of two months (or dates) written as text. */
export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * Overlaps: months with more than one payer. Gaps: months with no contribution at all, from the first month
 * ever contributed for up to the last one or, when later, up to the month before this one (the current
 * month's contribution is not due yet), within from..to: an interruption still running today is one.
 */
function findGapsAndOverlaps(
  months: RightsMonth[],
  from: string,
  to: string,
  counts: Counts,
  currentMonth: string,
): Pick<RightsRecord, 'gaps' | 'overlaps'> {
  const contributed = new Set<string>();
  const overlaps: RightsRecord['overlaps'] = [];
  for (let i = 0; i < months.length; i += 1) {
    const month = months[i]!;
    if (month.totalFen > 0) contributed.add(month.period);
    if (month.overlap && (i === 0 || months[i - 1]!.period !== month.period)) {
      const payerKeys: string[] = [];
      for (let j = i; j < months.length && months[j]!.period === month.period; j += 1) {
        payerKeys.push(months[j]!.payerKey);
      }
      overlaps.push({ period: month.period, payerKeys });
    }
  }
  const gaps: string[] = [];
  if (counts.first_period && counts.last_period) {
    const start = counts.first_period > from ? counts.first_period : from;
    const lastOwing = laterOf(counts.last_period, addMonths(currentMonth, -1));
    const end = lastOwing < to ? lastOwing : to;
    for (let period = start; period <= end; period = addMonths(period, 1)) {
      if (!contributed.has(period)) gaps.push(period);
    }
  }
  return { gaps, overlaps };
}

function toContributionMonths(counts: Counts, months: RightsMonth[]): ContributionMonths[] {
  return RECORD_INSURANCES.map((insurance: Insurance) => {
    const inRange = new Set<string>();
    const net = new Map<string, number>();
    for (const month of months) {
      const part = month.insurances[insurance]!;
      net.set(month.period, (net.get(month.period) ?? 0) + part.employerFen + part.employeeFen);
    }
    for (const [period, amount] of net) if (amount > 0) inRange.add(period);
    return {
      insurance,
      inRange: inRange.size,
      cumulative: counts.cumulative[insurance],
      cumulativePaid: counts.cumulativePaid[insurance],
    };
  });
}

/** Running balances per year; only the years from `fromYear` on are returned, opening with all before. */
function toAccountYears(rows: AccountYearMovement[], fromYear: number): RightsRecord['accounts'] {
  const pension: AccountYear[] = [];
  const medical: AccountYear[] = [];
  let pensionBalance = 0;
  let medicalBalance = 0;
  for (const row of rows) {
    if (row.year >= fromYear) {
      pension.push({
        year: row.year,
        openingFen: pensionBalance,
        contributionsFen: row.pensionChange - row.pensionInterest,
        interestFen: row.pensionInterest,
        spentFen: 0,
        closingFen: pensionBalance + row.pensionChange,
      });
      medical.push({
        year: row.year,
        openingFen: medicalBalance,
        contributionsFen: row.medicalChange - row.medicalInterest + row.medicalSpent,
        interestFen: row.medicalInterest,
        spentFen: row.medicalSpent,
        closingFen: medicalBalance + row.medicalChange,
      });
    }
    pensionBalance += row.pensionChange;
    medicalBalance += row.medicalChange;
  }
  if (pension.length === 0) {
    // No movement in the range: still say what the balance is.
    pension.push(quietYear(fromYear, pensionBalance));
    medical.push(quietYear(fromYear, medicalBalance));
  }
  return { pension, medical };
}

function quietYear(year: number, balanceFen: number): AccountYear {
  return {
    year,
    openingFen: balanceFen,
    contributionsFen: 0,
    interestFen: 0,
    spentFen: 0,
    closingFen: balanceFen,
  };
}
