import type { Explanation } from '../../explain/index.ts';
import { formatFenAsYuan, type Fen } from '../../money/index.ts';
import type { RegionalRule } from '../death/index.ts';
import { requireCount } from '../pension/require-count.ts';
import { BIRTH_KINDS, type BirthKind, type MaternityMedicalRule } from './maternity-rules.ts';

export interface MaternityMedicalInput {
  birth: BirthKind;
  /** The costs incurred: needed where the region pays actual costs. */
  actualCostFen?: Fen;
  rule: RegionalRule<MaternityMedicalRule>;
}

export interface MaternityMedicalBenefit {
  amountFen: Fen;
  explanation: Explanation;
}

const BIRTH_WORDS: Record<BirthKind, string> = {
  normal: 'a normal birth',
  dystocia: 'a difficult birth or caesarean section',
  miscarriageEarly: 'a miscarriage before 4 months',
  miscarriageLate: 'a miscarriage from 4 months',
};

/**
 * The maternity medical benefit (生育医疗费用, SIL Arts. 54-55; docs/RULES.md 15.12): the region's lump sum
 * for the kind of birth, or the actual costs up to the region's cap.
 */
export function maternityMedicalBenefit(input: MaternityMedicalInput): MaternityMedicalBenefit {
  const { rule, source } = input.rule;
  if (!BIRTH_KINDS.includes(input.birth))
    throw new RangeError(`birth: must be one of ${BIRTH_KINDS.join(', ')}`);
  const sources = ['SIL Art. 54', 'SIL Art. 55', source];
  if (rule.kind === 'lump-sum') {
    const amountFen = rule.amountsFen[input.birth];
    return {
      amountFen,
      explanation: {
        rule: 'Maternity medical benefit: the region’s lump sum for the kind of birth.',
        formula: `${BIRTH_WORDS[input.birth]}: ${formatFenAsYuan(amountFen)}`,
        inputs: { birth: input.birth },
        sources,
      },
    };
  }
  if (input.actualCostFen === undefined)
    throw new RangeError('actualCostFen: the region pays actual costs; give the costs incurred');
  const costFen = requireCount(input.actualCostFen, 'actualCostFen');
  const amountFen = Math.min(costFen, rule.capFen);
  return {
    amountFen,
    explanation: {
      rule: 'Maternity medical benefit: the actual costs, at most the region’s cap.',
      formula:
        costFen > rule.capFen
          ? `${formatFenAsYuan(costFen)}, above the cap: ${formatFenAsYuan(amountFen)}`
          : `${formatFenAsYuan(costFen)} (cap ${formatFenAsYuan(rule.capFen)})`,
      inputs: { birth: input.birth, actualCost: `${formatFenAsYuan(costFen)} yuan` },
      sources,
    },
  };
}
