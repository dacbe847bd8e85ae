import { addMonths, maskResidentId, type Insurance } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import {
  selectAccountYears,
  selectLines,
  selectMonthCounts,
  selectPerson,
  selectPersonIdByIdNumber,
  type AccountYearRow,
  type LineRow,
  type MonthCountsRow,
} from './repository.ts';
import {
  rightsRecordInput,
  type AccountYear,
  type ContributionMonths,
  type MonthStatus,
  type RightsMonth,
  type RightsRecord,
  type RightsRecordInput,
} from './schemas.ts';

export interface RightsRecordDeps {
  db: Kysely<Database>;
}

/** Insurances in the order a statement lists them. */
const RECORD_INSURANCES = ['pension', 'medical', 'maternity', 'unemployment', 'work_injury'] as const;

/**
 * A person's rights record (SIL Art. 4): month by month per payer, contribution months per insurance,
 * personal-account years with interest, gaps and overlaps. Validates the input; see rightsRecordForYear
 * for the hot path behind "one person, one year".
 */
export async function rightsRecord(deps: RightsRecordDeps, input: RightsRecordInput): Promise<RightsRecord> {
  const parsed = rightsRecordInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { personId, year, from, to } = parsed.data;
  if (year !== undefined) return rightsRecordForYear(deps, personId, year);
  return buildRecord(deps.db, personId, from, to);
}

/** One person's record for one calendar year: four indexed queries, no validation beyond the essentials. */
export function rightsRecordForYear(
  deps: RightsRecordDeps,
  personId: number,
  year: number,
): Promise<RightsRecord> {
  if (!Number.isInteger(year) || year < 1990 || year > 2200) {
    throw new AppError(ErrorCode.VALIDATION, `year: ${year} is not a year`, { field: 'year' });
  }
  return buildRecord(deps.db, personId, `${year}-01`, `${year}-12`);
}

/** The person's id for a resident identity number, or NOT_FOUND naming the field. */
export async function findPersonId(deps: RightsRecordDeps, idNumber: string): Promise<number> {
  const id = await selectPersonIdByIdNumber(deps.db, idNumber.trim().toUpperCase());
  if (id === undefined) {
    throw new AppError(ErrorCode.NOT_FOUND, `idNumber: no person is registered with this identity number`, {
      field: 'idNumber',
    });
  }
  return id;
}

async function buildRecord(
  db: Kysely<Database>,
  personId: number,
  fromInput: string | undefined,
  toInput: string | undefined,
): Promise<RightsRecord> {
  // Without a range the record runs from the first to the last month ever contributed for, which the
  // counts query gives.
  const [person, counts] = await Promise.all([
    selectPerson(db, personId),
    selectMonthCounts(db, personId, toInput ?? '9999-12'),
  ]);
  if (!person) {
    throw new AppError(ErrorCode.NOT_FOUND, `personId: no person ${personId}`, { field: 'personId' });
  }
  const from = fromInput ?? counts.first_period ?? toInput ?? counts.last_period ?? '1990-01';
  const to = toInput ?? counts.last_period ?? from;
  const [lines, accountRows] = await Promise.all([
    selectLines(db, personId, from, to),
    selectAccountYears(db, personId, to),
  ]);

  const months = toMonths(lines);
  const { gaps, overlaps } = findGapsAndOverlaps(months, from, to, counts);
  let employerFen = 0;
  let employeeFen = 0;
  let owedMonths = 0;
  for (const month of months) {
    employerFen += month.employerFen;
    employeeFen += month.employeeFen;
    if (month.status !== 'paid') owedMonths += 1;
  }
  return {
    person: {
      personId: person.id,
      name: person.name,
      idNumberMasked: maskResidentId(person.id_number),
      regionCode: person.region_code,
    },
    from,
    to,
    firstPeriod: counts.first_period,
    lastPeriod: counts.last_period,
    months,
    contributionMonths: toContributionMonths(counts, months),
    accounts: toAccountYears(accountRows, Number(from.slice(0, 4))),
    gaps,
    overlaps,
    totals: { employerFen, employeeFen, totalFen: employerFen + employeeFen, owedMonths },
  };
}

/** Nets the lines of each (month, payer) into one month: amounts summed, bases of the latest line. */
function toMonths(lines: LineRow[]): RightsMonth[] {
  const months: RightsMonth[] = [];
  let index = 0;
  while (index < lines.length) {
    const first = lines[index]!;
    let end = index;
    while (
      end + 1 < lines.length &&
      lines[end + 1]!.period === first.period &&
      lines[end + 1]!.payer_key === first.payer_key
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

function netMonth(lines: LineRow[], start: number, end: number): RightsMonth {
  const latest = lines[end]!;
  let pensionEmployer = 0;
  let pensionEmployee = 0;
  let medicalEmployer = 0;
  let medicalEmployee = 0;
  let maternityEmployer = 0;
  let unemploymentEmployer = 0;
  let unemploymentEmployee = 0;
  let workInjuryEmployer = 0;
  let pensionAccount = 0;
  let medicalAccount = 0;
  let adjustmentFen = 0;
  let billsPaid = 0;
  let billsTouched = 0;
  let lastBill = -1;
  for (let i = start; i <= end; i += 1) {
    const line = lines[i]!;
    pensionEmployer += line.pension_employer_fen;
    pensionEmployee += line.pension_employee_fen;
    medicalEmployer += line.medical_employer_fen;
    medicalEmployee += line.medical_employee_fen;
    maternityEmployer += line.maternity_employer_fen;
    unemploymentEmployer += line.unemployment_employer_fen;
    unemploymentEmployee += line.unemployment_employee_fen;
    workInjuryEmployer += line.work_injury_employer_fen;
    pensionAccount += line.pension_account_fen;
    medicalAccount += line.medical_account_fen;
    if (line.kind === 'adjustment') {
      adjustmentFen +=
        line.pension_employer_fen +
        line.pension_employee_fen +
        line.medical_employer_fen +
        line.medical_employee_fen +
        line.maternity_employer_fen +
        line.unemployment_employer_fen +
        line.unemployment_employee_fen +
        line.work_injury_employer_fen;
    }
    if (line.bill_id !== lastBill) {
      lastBill = line.bill_id;
      if (line.bill_paid_fen >= line.bill_total_fen) billsPaid += 1;
      else if (line.bill_paid_fen > 0) billsTouched += 1;
    }
  }
  const billCount = countBills(lines, start, end);
  const status: MonthStatus =
    billsPaid === billCount ? 'paid' : billsPaid > 0 || billsTouched > 0 ? 'partly_paid' : 'owed';
  const employerFen =
    pensionEmployer + medicalEmployer + maternityEmployer + unemploymentEmployer + workInjuryEmployer;
  const employeeFen = pensionEmployee + medicalEmployee + unemploymentEmployee;
  return {
    period: latest.period,
    payerKey: latest.payer_key,
    employerId: latest.employer_id,
    employerName: latest.employer_name,
    insurances: {
      pension: {
        baseFen: latest.pension_base_fen,
        employerFen: pensionEmployer,
        employeeFen: pensionEmployee,
      },
      medical: {
        baseFen: latest.medical_base_fen,
        employerFen: medicalEmployer,
        employeeFen: medicalEmployee,
      },
      maternity: { baseFen: latest.medical_base_fen, employerFen: maternityEmployer, employeeFen: 0 },
      unemployment: {
        baseFen: latest.unemployment_base_fen,
        employerFen: unemploymentEmployer,
        employeeFen: unemploymentEmployee,
      },
      work_injury: { baseFen: latest.work_injury_base_fen, employerFen: workInjuryEmployer, employeeFen: 0 },
    },
    employerFen,
    employeeFen,
    totalFen: employerFen + employeeFen,
    personalAccounts: { pensionFen: pensionAccount, medicalFen: medicalAccount },
    adjustmentFen,
    status,
    overlap: false,
  };
}

function countBills(lines: LineRow[], start: number, end: number): number {
  let count = 0;
  let last = -1;
  for (let i = start; i <= end; i += 1) {
    if (lines[i]!.bill_id !== last) {
      last = lines[i]!.bill_id;
      count += 1;
    }
  }
  return count;
}

function findGapsAndOverlaps(
  months: RightsMonth[],
  from: string,
  to: string,
  counts: MonthCountsRow,
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
    const end = counts.last_period < to ? counts.last_period : to;
    for (let period = start; period <= end; period = addMonths(period, 1)) {
      if (!contributed.has(period)) gaps.push(period);
    }
  }
  return { gaps, overlaps };
}

function toContributionMonths(counts: MonthCountsRow, months: RightsMonth[]): ContributionMonths[] {
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
      cumulative: Number(counts[insurance] ?? 0),
      cumulativePaid: Number(counts[`${insurance}_paid`] ?? 0),
    };
  });
}

/** Running balances per year; only the years from `fromYear` on are returned, opening with all before. */
function toAccountYears(rows: AccountYearRow[], fromYear: number): RightsRecord['accounts'] {
  const pension: AccountYear[] = [];
  const medical: AccountYear[] = [];
  let pensionBalance = 0;
  let medicalBalance = 0;
  for (const row of rows) {
    const year = Number(row.year);
    const pensionChange = Number(row.pension_change);
    const pensionInterest = Number(row.pension_interest);
    const medicalChange = Number(row.medical_change);
    const medicalInterest = Number(row.medical_interest);
    if (year >= fromYear) {
      pension.push({
        year,
        openingFen: pensionBalance,
        contributionsFen: pensionChange - pensionInterest,
        interestFen: pensionInterest,
        closingFen: pensionBalance + pensionChange,
      });
      medical.push({
        year,
        openingFen: medicalBalance,
        contributionsFen: medicalChange - medicalInterest,
        interestFen: medicalInterest,
        closingFen: medicalBalance + medicalChange,
      });
    }
    pensionBalance += pensionChange;
    medicalBalance += medicalChange;
  }
  if (pension.length === 0) {
    // No movement in the range: still say what the balance is.
    pension.push(quietYear(fromYear, pensionBalance));
    medical.push(quietYear(fromYear, medicalBalance));
  }
  return { pension, medical };
}

function quietYear(year: number, balanceFen: number): AccountYear {
  return { year, openingFen: balanceFen, contributionsFen: 0, interestFen: 0, closingFen: balanceFen };
}
