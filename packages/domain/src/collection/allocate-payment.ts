import { allocate, type Fen } from '../money/index.ts';
import { FUNDS } from '../policy/dimensions.ts';
import type { FundAmounts } from '../ledger/index.ts';

export interface OpenBill {
  id: number;
  /** What is still owed on the bill, per fund; the bill is open while their sum is positive. */
  owedByFund: FundAmounts;
}

export interface BillAllocation {
  billId: number;
  amountFen: Fen;
  funds: FundAmounts;
}

/**
 * Applies an amount to open bills in the order given (oldest first). A bill paid in full gets exactly what
 * each fund is still owed; a partial payment is split across the funds in proportion to what they are owed,
 * with `allocate`, so the parts always add up and the last payment clears every fund exactly.
 */
export function allocatePayment(
  amountFen: Fen,
  bills: readonly OpenBill[],
): { allocations: BillAllocation[]; leftFen: Fen } {
  let leftFen = amountFen;
  const allocations: BillAllocation[] = [];
  for (const bill of bills) {
    if (leftFen <= 0) break;
    const owedFen = FUNDS.reduce((sum, fund) => sum + bill.owedByFund[fund], 0);
    if (owedFen <= 0) continue;
    const paidFen = Math.min(leftFen, owedFen);
    let funds: FundAmounts;
    if (paidFen === owedFen) {
      funds = { ...bill.owedByFund };
    } else {
      const parts = allocate(
        paidFen,
        FUNDS.map((fund) => Math.max(0, bill.owedByFund[fund])),
      );
      funds = { pension: parts[0]!, medical: parts[1]!, unemployment: parts[2]!, work_injury: parts[3]! };
    }
    allocations.push({ billId: bill.id, amountFen: paidFen, funds });
    leftFen -= paidFen;
  }
  return { allocations, leftFen };
}
