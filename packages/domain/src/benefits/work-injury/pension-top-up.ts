import type { Explanation } from '../../explain/index.ts';
import { formatFenAsYuan, type Fen } from '../../money/index.ts';
import { requireCount } from '../pension/require-count.ts';

export interface InjuryPensionTopUp {
  /** What the work-injury fund adds to the pension each month; 0 where the pension is not lower. */
  topUpFen: Fen;
  /** The pension and the top-up together. */
  totalFen: Fen;
  explanation: Explanation;
}

/**
 * At retirement a person disabled at grades 1 to 4 leaves the disability allowance for the basic pension;
 * where the pension is lower than the allowance, the work-injury fund makes up the difference each month
 * (WIIR Art. 35; SIL Art. 40; docs/RULES.md 15.5).
 */
export function injuryPensionTopUp(input: { allowanceFen: Fen; pensionFen: Fen }): InjuryPensionTopUp {
  const allowanceFen = requireCount(input.allowanceFen, 'allowanceFen');
  const pensionFen = requireCount(input.pensionFen, 'pensionFen');
  const topUpFen = Math.max(0, allowanceFen - pensionFen);
  return {
    topUpFen,
    totalFen: pensionFen + topUpFen,
    explanation: {
      rule:
        'At retirement the disability allowance of grades 1-4 stops and the basic pension is paid; the ' +
        'work-injury fund tops the pension up to the allowance where it is lower.',
      formula:
        topUpFen > 0
          ? `${formatFenAsYuan(allowanceFen)} − ${formatFenAsYuan(pensionFen)} = ${formatFenAsYuan(topUpFen)} from the work-injury fund`
          : `pension ${formatFenAsYuan(pensionFen)} ≥ allowance ${formatFenAsYuan(allowanceFen)}: no top-up`,
      inputs: {
        allowance: `${formatFenAsYuan(allowanceFen)} yuan`,
        pension: `${formatFenAsYuan(pensionFen)} yuan`,
      },
      sources: ['WIIR Art. 35', 'SIL Art. 40'],
    },
  };
}
