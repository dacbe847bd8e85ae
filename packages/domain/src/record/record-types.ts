import type { Insurance } from '../policy/dimensions.ts';

/**
 * A person's rights record (SIL Art. 4; docs/RULES.md 13.1–13.3): month by month per payer, contribution months per
 * insurance, personal-account years with interest, gaps and overlaps. The server's reply schema describes
 * the same shape for the HTTP API; benefit calculators read it from here.
 */

/** Insurances in the order a statement lists them. */
export const RECORD_INSURANCES = ['pension', 'medical', 'maternity', 'unemployment', 'work_injury'] as const;

/** One insurance in one month with one payer: the base used and who paid what. */
export interface InsuranceMonth {
  baseFen: number;
  employerFen: number;
  employeeFen: number;
}

export const MONTH_STATUSES = ['paid', 'partly_paid', 'owed'] as const;
export type MonthStatus = (typeof MONTH_STATUSES)[number];

/**
 * One month with one payer (an employer, or the person as a flexible worker). Regular, settlement and
 * adjustment bills of that month are netted here; `adjustmentFen` shows how much of it came from adjustments.
 */
export interface RightsMonth {
  period: string;
  /** 'E<employer id>' or 'P<person id>'. */
  payerKey: string;
  employerId: number | null;
  /** The employer's name, or null when the person paid as a flexible worker. */
  employerName: string | null;
  insurances: Record<Insurance, InsuranceMonth>;
  employerFen: number;
  employeeFen: number;
  totalFen: number;
  /** What went to the person's own accounts out of the amounts above. */
  personalAccounts: { pensionFen: number; medicalFen: number };
  /** The net of adjustment bills included in totalFen (0 when the month was never adjusted). */
  adjustmentFen: number;
  /** From the bills carrying the month: paid in full, partly, or not at all. */
  status: MonthStatus;
  /**
   * While not paid in full: the earliest due date of its unpaid bills (before it the month is owed but not
   * yet due; after it, overdue). null when paid.
   */
  dueDate: string | null;
  /** Another payer also contributed for this month. */
  overlap: boolean;
}

/** Months per insurance, each month counted once even when two payers contributed for it. */
export interface ContributionMonths {
  insurance: Insurance;
  /** Months in the range with a positive amount for this insurance. */
  inRange: number;
  /** Every month from the first up to the end of the range with a positive amount. */
  cumulative: number;
  /** Of those, the months whose bills are paid in full. */
  cumulativePaid: number;
}

/** A personal account's year: opening balance, contributions credited (reversals netted), interest. */
export interface AccountYear {
  year: number;
  openingFen: number;
  /** Credited in the year other than interest: contributions, a retiree's credits (reversals netted). */
  contributionsFen: number;
  interestFen: number;
  /** Paid out of the account for medical claims in the year, refunds of cancelled claims netted (0 for pension). */
  spentFen: number;
  closingFen: number;
}

export interface RightsRecord {
  person: { personId: number; name: string; idNumberMasked: string; regionCode: string };
  from: string;
  to: string;
  /** Today in China time, the day owed, due and overdue are judged on. */
  asOf: string;
  /** The first and last month the person ever contributed for, or null when never. */
  firstPeriod: string | null;
  lastPeriod: string | null;
  months: RightsMonth[];
  contributionMonths: ContributionMonths[];
  accounts: { pension: AccountYear[]; medical: AccountYear[] };
  /**
   * Months in the range with no contribution at all, from the first month ever contributed for up to the
   * last one or, when later, the month before today: an interruption still running is listed.
   */
  gaps: string[];
  /** Months in the range with more than one payer. */
  overlaps: { period: string; payerKeys: string[] }[];
  totals: {
    employerFen: number;
    employeeFen: number;
    totalFen: number;
    /** Months in the range not paid in full (assessed and unpaid), whether due yet or not. */
    owedMonths: number;
    /** Of those, the months whose due date has come (today or earlier). */
    dueMonths: number;
    /** Of those, the months whose due date has passed: arrears, with a late fee running (SIL Art. 86). */
    overdueMonths: number;
  };
}
