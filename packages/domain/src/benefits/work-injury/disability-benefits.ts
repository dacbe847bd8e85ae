import type { Explanation } from '../../explain/index.ts';
import { applyRate, formatFenAsYuan, formatPpmAsPercent, type Fen } from '../../money/index.ts';
import { requireCount } from '../pension/require-count.ts';
import type { RegionalRule } from '../death/index.ts';
import { injuryOwnWage } from './own-wage.ts';
import {
  NURSING_LEVELS,
  type AllowancePayer,
  type InjuryBenefitTables,
  type NursingLevel,
} from './work-injury-rules.ts';

export interface InjuryDisabilityInput {
  /** The assessed disability grade, 1 (most severe) to 10. */
  grade: number;
  /** The own wage: a declared wage or the average from injuryOwnWage; held within the bounds here again. */
  ownWageFen: Fen;
  averageWageFen: Fen;
  /** The local monthly minimum wage, the allowance's floor where the table says so. */
  minimumWageFen?: Fen;
  nursing: NursingLevel;
  tables: RegionalRule<InjuryBenefitTables>;
}

export interface InjuryDisabilityBenefits {
  ownWageFen: Fen;
  oneTimeSubsidyFen: Fen;
  /** 0 where the grade has no allowance. */
  monthlyAllowanceFen: Fen;
  allowancePayer: AllowancePayer | null;
  nursingMonthlyFen: Fen;
  explanation: {
    ownWage: Explanation;
    oneTimeSubsidy: Explanation;
    monthlyAllowance: Explanation;
    nursing: Explanation;
  };
}

const NURSING_WORDS: Record<NursingLevel, string> = {
  none: 'no nursing needed',
  full: 'completely unable to care for oneself',
  most: 'mostly unable to care for oneself',
  part: 'partly unable to care for oneself',
};

/**
 * The benefits of a disability from a work injury by its grade (docs/RULES.md 15.2 and 15.3): the one-time
 * disability subsidy (months of own wage), the monthly disability allowance (a share of own wage, paid by
 * the fund for grades 1-4 and by the employer for grades 5-6 when no suitable work is arranged, topped up to
 * the minimum wage), and the monthly nursing allowance (a share of the regional average monthly wage).
 * Each percentage is applied half-up to the fen, once.
 */
export function injuryDisabilityBenefits(input: InjuryDisabilityInput): InjuryDisabilityBenefits {
  const { rule, source } = input.tables;
  if (!Number.isSafeInteger(input.grade) || input.grade < 1 || input.grade > 10)
    throw new RangeError(`grade: must be a whole number from 1 to 10, got ${input.grade}`);
  if (!NURSING_LEVELS.includes(input.nursing))
    throw new RangeError(`nursing: must be one of ${NURSING_LEVELS.join(', ')}`);
  const minimumWageFen =
    input.minimumWageFen === undefined ? undefined : requireCount(input.minimumWageFen, 'minimumWageFen');
  const row = rule.grades[input.grade - 1]!;
  const ownWage = injuryOwnWage({
    monthlyBasesFen: [requireCount(input.ownWageFen, 'ownWageFen')],
    averageWageFen: input.averageWageFen,
    bounds: rule.ownWage,
    source,
  });
  const ownWageFen = ownWage.ownWageFen;
  const own = formatFenAsYuan(ownWageFen);
  const gradeText = `grade ${row.grade}`;

  const oneTimeSubsidyFen = row.subsidyMonths * ownWageFen;
  const oneTimeSubsidy: Explanation = {
    rule: 'One-time disability subsidy (一次性伤残补助金): the months of own wage the grade gives.',
    formula: `${own} × ${row.subsidyMonths} = ${formatFenAsYuan(oneTimeSubsidyFen)}`,
    inputs: { grade: gradeText, ownWage: `${own} yuan`, months: `${row.subsidyMonths}` },
    sources: [ARTICLES[row.grade]!, source],
  };

  const monthlyAllowance = allowanceOf(row, ownWageFen, minimumWageFen, gradeText, source);

  const ratePpm = input.nursing === 'none' ? 0 : rule.nursingPpm[input.nursing];
  const nursingMonthlyFen = applyRate(input.averageWageFen, ratePpm, 'half-up-fen');
  const nursing: Explanation = {
    rule:
      'Nursing allowance (生活护理费): 50%, 40% or 30% of the regional average monthly wage by how far the ' +
      'person cannot care for themselves, half-up to the fen; none where no nursing is needed.',
    formula:
      input.nursing === 'none'
        ? '0.00 (no nursing needed)'
        : `${formatFenAsYuan(input.averageWageFen)} × ${formatPpmAsPercent(ratePpm)} = ${formatFenAsYuan(nursingMonthlyFen)}`,
    inputs: {
      nursing: `${input.nursing} (${NURSING_WORDS[input.nursing]})`,
      averageWage: `${formatFenAsYuan(input.averageWageFen)} yuan`,
    },
    sources: ['WIIR Art. 34', source],
  };

  return {
    ownWageFen,
    oneTimeSubsidyFen,
    monthlyAllowanceFen: monthlyAllowance.amountFen,
    allowancePayer: row.allowancePayer,
    nursingMonthlyFen,
    explanation: {
      ownWage: ownWage.explanation,
      oneTimeSubsidy,
      monthlyAllowance: monthlyAllowance.explanation,
      nursing,
    },
  };
}

/** The articles of the grades: 1-4 Art. 35, 5-6 Art. 36, 7-10 Art. 37. */
const ARTICLES: Record<number, string> = Object.fromEntries(
  Array.from({ length: 10 }, (_, index) => [
    index + 1,
    index < 4 ? 'WIIR Art. 35' : index < 6 ? 'WIIR Art. 36' : 'WIIR Art. 37',
  ]),
);

function allowanceOf(
  row: InjuryBenefitTables['grades'][number],
  ownWageFen: Fen,
  minimumWageFen: Fen | undefined,
  gradeText: string,
  source: string,
): { amountFen: Fen; explanation: Explanation } {
  const sources = [ARTICLES[row.grade]!, source];
  if (row.allowancePayer === null)
    return {
      amountFen: 0,
      explanation: {
        rule: 'Grades 7 to 10 have no monthly disability allowance.',
        formula: '0.00',
        inputs: { grade: gradeText },
        sources,
      },
    };
  const shareFen = applyRate(ownWageFen, row.allowancePpm, 'half-up-fen');
  const raised = row.minimumWageFloor && minimumWageFen !== undefined && shareFen < minimumWageFen;
  const amountFen = raised ? minimumWageFen : shareFen;
  const payer =
    row.allowancePayer === 'fund'
      ? 'paid by the work-injury fund'
      : 'paid by the employer while it arranges no suitable work';
  return {
    amountFen,
    explanation: {
      rule:
        `Disability allowance (伤残津贴): ${formatPpmAsPercent(row.allowancePpm)} of own wage, half-up to the ` +
        `fen, ${payer}; where it is below the local minimum wage the difference is made up.`,
      formula:
        `${formatFenAsYuan(ownWageFen)} × ${formatPpmAsPercent(row.allowancePpm)} = ${formatFenAsYuan(shareFen)}` +
        (raised ? `, below the minimum wage: raised to ${formatFenAsYuan(amountFen)}` : ''),
      inputs: {
        grade: gradeText,
        ownWage: `${formatFenAsYuan(ownWageFen)} yuan`,
        payer: row.allowancePayer,
        minimumWage: minimumWageFen === undefined ? 'not given' : `${formatFenAsYuan(minimumWageFen)} yuan`,
      },
      sources,
    },
  };
}
