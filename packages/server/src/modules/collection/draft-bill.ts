import type { PersonMonthAmounts } from '@shebao/domain';
import type { BillTotals } from './bill-rows.ts';

/** One bill about to be written: the payer, its totals and its lines. */
export interface DraftBill {
  payerKey: string;
  employerId: number | null;
  personId: number | null;
  totals: BillTotals;
  /** An estimate line (SIL Art. 62) has no person. */
  lines: { personId: number | null; amounts: PersonMonthAmounts }[];
  /** Set on an estimated bill: what the estimate is based on. */
  estimate?: EstimateRecord;
}

/** Stored beside an estimated bill in bill_estimates, so its amount can explain itself. */
export interface EstimateRecord {
  method: 'previous-month' | 'headcount';
  basisPeriod: string | null;
  basisTotalFen: number;
  headcount: number;
  ratePpm: number;
}
