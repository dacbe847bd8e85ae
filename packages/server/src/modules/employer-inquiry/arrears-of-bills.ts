import { calculateLateFee, dateToPeriod, daysBetween, type PolicyBook } from '@shebao/domain';

/**
 * The arrears arithmetic shared by one employer's inquiry and the agency's region-wide list: for each bill
 * not paid in full, what is owed, how many days it is overdue on `asOf`, and the late fee running on it
 * (SIL Art. 86, the region's daily rate), which is charged when the bill is paid. Late-fee bills earn no
 * late fee of their own. Approved deferrals are not taken off the running fee here; the fee actually
 * charged on payment does.
 */
export interface OpenBill {
  bill_no: string;
  period: string;
  kind: string;
  due_date: string;
  total_fen: number;
  paid_fen: number;
}

/**
 * Where an unpaid bill stands on a day (docs/RULES.md 6.3): before its due date it
 * is owed but not yet due; on its due date it is due; after it, overdue (arrears, a late fee running).
 */
export type BillStanding = 'not_yet_due' | 'due' | 'overdue';

export function billStanding(dueDate: string, asOf: string): BillStanding {
  return asOf < dueDate ? 'not_yet_due' : asOf === dueDate ? 'due' : 'overdue';
}

export interface ArrearsBill {
  billNo: string;
  period: string;
  kind: string;
  dueDate: string;
  standing: BillStanding;
  owedFen: number;
  daysOverdue: number;
  accruingLateFeeFen: number;
}

export interface ArrearsOfBills {
  bills: ArrearsBill[];
  /** Contributions owed (not late fees): assessed and unpaid, due or not. */
  contributionsOwedFen: number;
  /** Of those, the part whose due date has come (asOf or earlier). */
  contributionsDueFen: number;
  /** Of those, the part whose due date has passed: the arrears. */
  contributionsOverdueFen: number;
  /** Late fees already charged (late-fee bills) and not yet paid. */
  lateFeesOwedFen: number;
  accruingLateFeeFen: number;
}

export function arrearsOfBills(
  open: readonly OpenBill[],
  asOf: string,
  dailyRatePpm: number | null,
): ArrearsOfBills {
  let contributionsOwedFen = 0;
  let contributionsDueFen = 0;
  let contributionsOverdueFen = 0;
  let lateFeesOwedFen = 0;
  let accruingLateFeeFen = 0;
  const bills = open.map((bill) => {
    const owedFen = Number(bill.total_fen) - Number(bill.paid_fen);
    const daysOverdue = Math.max(0, daysBetween(bill.due_date, asOf));
    const standing = billStanding(bill.due_date, asOf);
    let accruing = 0;
    if (bill.kind === 'late_fee') lateFeesOwedFen += owedFen;
    else {
      contributionsOwedFen += owedFen;
      if (standing !== 'not_yet_due') contributionsDueFen += owedFen;
      if (standing === 'overdue') contributionsOverdueFen += owedFen;
      if (daysOverdue > 0 && dailyRatePpm !== null) {
        accruing = calculateLateFee({
          principalFen: owedFen,
          dueDate: bill.due_date,
          paidOn: asOf,
          dailyRatePpm,
        }).feeFen;
      }
    }
    accruingLateFeeFen += accruing;
    return {
      billNo: bill.bill_no,
      period: bill.period,
      kind: bill.kind,
      dueDate: bill.due_date,
      standing,
      owedFen,
      daysOverdue,
      accruingLateFeeFen: accruing,
    };
  });
  return {
    bills,
    contributionsOwedFen,
    contributionsDueFen,
    contributionsOverdueFen,
    lateFeesOwedFen,
    accruingLateFeeFen,
  };
}

/** The region's late-fee rate per day in parts per million on `asOf` (SIL Art. 86: 0.05% = 500), if set. */
export function dailyLateFeeRatePpm(book: PolicyBook, regionCode: string, asOf: string): number | null {
  return book.find<number>('lateFee.dailyRate', { regionCode, period: dateToPeriod(asOf) })?.value ?? null;
}
