import {
  ACCOUNT_COLUMNS,
  emptyPersonMonth,
  personMonthTotalFen,
  type LineAmountKey,
  type PersonMonthAmounts,
} from '../contribution/index.ts';
import type { Explanation } from '../explain/index.ts';
import { formatFenAsYuan, formatPpmAsPercent, roundRatio, type Ppm } from '../money/index.ts';

export interface UndeclaredMonthBasis {
  /**
   * 'previous-month': the employer's last assessed month (its person lines summed);
   * 'headcount': no earlier month, so its staff assessed at the region's average wage (Regs. Art. 14).
   */
  method: 'previous-month' | 'headcount';
  /** The month the basis comes from; null for a headcount estimate. */
  basisPeriod: string | null;
  /** The summed columns of the basis. */
  basis: PersonMonthAmounts;
  /** People in the basis month (or on the staff list for a headcount estimate). */
  headcount: number;
}

export interface UndeclaredMonthEstimate {
  /** One estimate line: every column scaled, personal-account parts zero (nobody is credited on a guess). */
  amounts: PersonMonthAmounts;
  ratePpm: Ppm;
  explanation: Explanation;
}

const PERSONAL_ACCOUNT_KEYS = new Set<LineAmountKey>(ACCOUNT_COLUMNS.map((column) => column.key));

/**
 * SIL Art. 62: an employer that has not declared the month owes, provisionally, 110% of its previous
 * month's amount; once it declares, the difference is settled. Each column of the basis is scaled by
 * the rate and rounded half-up to the fen on its own, so the estimate splits across funds and parties
 * exactly as the month it copies. Estimates never compound: the basis is the last month assessed on
 * real data, not an earlier estimate (the caller picks it).
 */
export function estimateUndeclaredMonth(basis: UndeclaredMonthBasis, ratePpm: Ppm): UndeclaredMonthEstimate {
  const amounts = emptyPersonMonth();
  for (const key of Object.keys(amounts) as (keyof PersonMonthAmounts)[]) {
    if (PERSONAL_ACCOUNT_KEYS.has(key)) continue;
    amounts[key] = roundRatio(BigInt(basis.basis[key]) * BigInt(ratePpm), 1_000_000n, 'half-up-fen');
  }
  const basisTotal = personMonthTotalFen(basis.basis);
  const total = personMonthTotalFen(amounts);
  return {
    amounts,
    ratePpm,
    explanation: {
      rule:
        basis.method === 'previous-month'
          ? "no monthly declaration: provisionally the employer's previous month's amount × the estimate rate, each insurance and party half-up to the fen; settled once the employer declares"
          : 'no monthly declaration and no earlier month: provisionally the staff on the register at the average wage × the estimate rate; settled once the employer declares',
      formula: `${formatFenAsYuan(basisTotal)} × ${formatPpmAsPercent(ratePpm)} = ${formatFenAsYuan(total)}`,
      inputs: {
        method: basis.method,
        basisPeriod: basis.basisPeriod ?? '(none)',
        basisAmount: formatFenAsYuan(basisTotal),
        headcount: String(basis.headcount),
      },
      sources: [
        'SIL Art. 62',
        'Regulations on the Declaration and Payment of Social Insurance Contributions (MOHRSS Order 20) Art. 14',
      ],
    },
  };
}
