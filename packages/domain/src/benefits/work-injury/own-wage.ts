import type { Explanation } from '../../explain/index.ts';
import { applyRate, formatFenAsYuan, formatPpmAsPercent, roundRatio, type Fen } from '../../money/index.ts';
import { requireCount } from '../pension/require-count.ts';
import type { InjuryBenefitTables } from './work-injury-rules.ts';

const CLAMP_TEXT = {
  none: 'within the bounds:',
  floor: 'raised to the floor:',
  ceiling: 'lowered to the ceiling:',
} as const;

export interface InjuryOwnWageInput {
  /** The monthly contribution bases of the (up to) 12 months before the injury, or one declared wage. */
  monthlyBasesFen: readonly Fen[];
  /** The region's average monthly wage of employees (the previous year's). */
  averageWageFen: Fen;
  /** The bounds of `workInjury.benefitTables` (60% and 300%). */
  bounds: InjuryBenefitTables['ownWage'];
  source: string;
}

export interface InjuryOwnWage {
  ownWageFen: Fen;
  /** The average before the bounds were applied. */
  averageFen: Fen;
  clamped: 'floor' | 'ceiling' | null;
  explanation: Explanation;
}

/**
 * The injured person's own wage (本人工资, docs/RULES.md 15.1): the average of the monthly contribution bases
 * of the months before the injury, rounded half-up to the fen once, then held between 60% and 300% of the
 * region's average monthly wage (WIIR Art. 64). The bounds themselves are rounded half-up to the fen.
 */
export function injuryOwnWage(input: InjuryOwnWageInput): InjuryOwnWage {
  const bases = input.monthlyBasesFen;
  if (bases.length === 0 || bases.length > 12)
    throw new RangeError('monthlyBasesFen: give the bases of 1 to 12 months');
  bases.forEach((base, index) => requireCount(base, `monthlyBasesFen[${index}]`));
  const averageWageFen = requireCount(input.averageWageFen, 'averageWageFen');
  if (averageWageFen === 0) throw new RangeError('averageWageFen: must be above zero');
  const totalFen = bases.reduce((sum, base) => sum + base, 0);
  const averageFen = roundRatio(BigInt(totalFen), BigInt(bases.length), 'half-up-fen');
  const floorFen = applyRate(averageWageFen, input.bounds.floorPpm, 'half-up-fen');
  const ceilingFen = applyRate(averageWageFen, input.bounds.ceilingPpm, 'half-up-fen');
  const clamped = averageFen < floorFen ? 'floor' : averageFen > ceilingFen ? 'ceiling' : null;
  const ownWageFen = clamped === 'floor' ? floorFen : clamped === 'ceiling' ? ceilingFen : averageFen;
  const averageText =
    bases.length === 1
      ? formatFenAsYuan(averageFen)
      : `(${bases.map(formatFenAsYuan).join(' + ')}) / ${bases.length} = ${formatFenAsYuan(averageFen)}`;
  const boundText = `${formatPpmAsPercent(input.bounds.floorPpm)}-${formatPpmAsPercent(input.bounds.ceilingPpm)} of ${formatFenAsYuan(averageWageFen)} = ${formatFenAsYuan(floorFen)}-${formatFenAsYuan(ceilingFen)}`;
  return {
    ownWageFen,
    averageFen,
    clamped,
    explanation: {
      rule:
        'Own wage (本人工资): the average monthly contribution base of the months before the injury, half-up ' +
        'to the fen, held between 60% and 300% of the regional average monthly wage.',
      formula: `${averageText}; bounds ${boundText}; ${CLAMP_TEXT[clamped ?? 'none']} ${formatFenAsYuan(ownWageFen)}`,
      inputs: {
        months: `${bases.length}`,
        averageWage: `${formatFenAsYuan(averageWageFen)} yuan`,
        clamped: clamped === null ? 'no' : `yes, to the ${clamped}`,
      },
      sources: ['WIIR Art. 64', input.source],
    },
  };
}
