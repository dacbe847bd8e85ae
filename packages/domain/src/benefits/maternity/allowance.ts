import type { Explanation } from '../../explain/index.ts';
import { formatFenAsYuan, roundRatio, type Fen } from '../../money/index.ts';
import type { RegionalRule } from '../death/index.ts';
import { requireCount } from '../pension/require-count.ts';
import type { MaternityAllowanceRule } from './maternity-rules.ts';

export interface MaternityAllowanceInput {
  /** The employer's average monthly wage of its employees in the previous year. */
  employerAverageWageFen: Fen;
  leaveDays: number;
  rule: RegionalRule<MaternityAllowanceRule>;
}

export interface MaternityAllowance {
  allowanceFen: Fen;
  explanation: Explanation;
}

/**
 * The maternity allowance (生育津贴, SIL Art. 56; docs/RULES.md 15.11 and 15.13): the employer's previous-year
 * average monthly wage of its employees ÷ 30 × the leave days, worked out exactly and rounded once, half up
 * to the fen; paid to the employer or to the person as the region says.
 */
export function maternityAllowance(input: MaternityAllowanceInput): MaternityAllowance {
  const { rule, source } = input.rule;
  const wageFen = requireCount(input.employerAverageWageFen, 'employerAverageWageFen');
  const leaveDays = requireCount(input.leaveDays, 'leaveDays');
  const allowanceFen = roundRatio(
    BigInt(wageFen) * BigInt(leaveDays),
    BigInt(rule.daysPerMonth),
    'half-up-fen',
  );
  return {
    allowanceFen,
    explanation: {
      rule:
        `Maternity allowance (生育津贴): the employer’s average monthly wage of the previous year ÷ ` +
        `${rule.daysPerMonth} × the leave days, half-up to the fen once; paid to the ${rule.payee}.`,
      formula: `${formatFenAsYuan(wageFen)} ÷ ${rule.daysPerMonth} × ${leaveDays} = ${formatFenAsYuan(allowanceFen)}`,
      inputs: {
        employerAverageWage: `${formatFenAsYuan(wageFen)} yuan`,
        leaveDays: `${leaveDays}`,
        payee: rule.payee,
      },
      sources: ['SIL Art. 56', source],
    },
  };
}
