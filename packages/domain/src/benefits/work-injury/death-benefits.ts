import type { Explanation } from '../../explain/index.ts';
import { applyRate, formatFenAsYuan, formatPpmAsPercent, type Fen } from '../../money/index.ts';
import { requireCount } from '../pension/require-count.ts';
import type { RegionalRule } from '../death/index.ts';
import { injuryOwnWage } from './own-wage.ts';
import type { InjuryBenefitTables, InjuryDeathRule } from './work-injury-rules.ts';

export interface InjuryDeathInput {
  /** The deceased's own wage; held within the bounds of WIIR Art. 64. */
  ownWageFen: Fen;
  /** The region's average monthly wage of employees (the previous year's). */
  averageWageFen: Fen;
  /** The national urban per-capita disposable income of the year before the death (yearly). */
  urbanIncomeFen: Fen;
  /** Whether a spouse qualifies as a dependent survivor. */
  spouse: boolean;
  /** Other dependent survivors (children, parents ...), 30% each. */
  dependents: number;
  /** Dependents (the spouse counted where the spouse qualifies) who are orphans or lone elderly: +10% each. */
  extra: number;
  rule: RegionalRule<InjuryDeathRule>;
  tables: RegionalRule<InjuryBenefitTables>;
  /** Cited for the income figure. */
  urbanIncomeSource?: string;
}

export interface InjuryDeathBenefits {
  ownWageFen: Fen;
  funeralFen: Fen;
  oneTimeFen: Fen;
  survivorsMonthlyFen: Fen;
  explanation: { ownWage: Explanation; funeral: Explanation; oneTime: Explanation; survivors: Explanation };
}

/**
 * The benefits on a death from a work injury (WIIR Art. 39; docs/RULES.md 15.4): the funeral subsidy (6
 * months of the regional average monthly wage), the one-time work-death subsidy (20 times the previous
 * year's national urban per-capita disposable income) and the survivors' monthly pension (40% of own wage
 * for the spouse, 30% for each other dependent, 10% more for each orphan or lone elderly dependent, in all
 * never more than the own wage; the total share is applied once, half-up to the fen).
 */
export function injuryDeathBenefits(input: InjuryDeathInput): InjuryDeathBenefits {
  const { rule, source } = input.rule;
  const dependents = requireCount(input.dependents, 'dependents');
  const extra = requireCount(input.extra, 'extra');
  const survivors = dependents + (input.spouse ? 1 : 0);
  if (extra > survivors)
    throw new RangeError(
      `extra: ${extra} orphans or lone elderly, but only ${survivors} dependent survivors (spouse included)`,
    );
  const averageWageFen = requireCount(input.averageWageFen, 'averageWageFen');
  const urbanIncomeFen = requireCount(input.urbanIncomeFen, 'urbanIncomeFen');
  const ownWage = injuryOwnWage({
    monthlyBasesFen: [requireCount(input.ownWageFen, 'ownWageFen')],
    averageWageFen,
    bounds: input.tables.rule.ownWage,
    source: input.tables.source,
  });
  const ownWageFen = ownWage.ownWageFen;
  const sources = ['WIIR Art. 39', source];

  const funeralFen = rule.funeralMonths * averageWageFen;
  const oneTimeFen = rule.oneTimeIncomeYears * urbanIncomeFen;

  const parts = [
    ...(input.spouse ? [['spouse', rule.spousePpm] as const] : []),
    ...Array.from({ length: dependents }, () => ['other dependent', rule.otherDependentPpm] as const),
    ...Array.from({ length: extra }, () => ['orphan or lone elderly', rule.extraPpm] as const),
  ];
  const sharePpm = parts.reduce((sum, [, ppm]) => sum + ppm, 0);
  const shareFen = applyRate(ownWageFen, sharePpm, 'half-up-fen');
  const capped = shareFen > ownWageFen;
  const survivorsMonthlyFen = capped ? ownWageFen : shareFen;
  const shareText = parts.length ? parts.map(([, ppm]) => formatPpmAsPercent(ppm)).join(' + ') : '0%';

  return {
    ownWageFen,
    funeralFen,
    oneTimeFen,
    survivorsMonthlyFen,
    explanation: {
      ownWage: ownWage.explanation,
      funeral: {
        rule: 'Funeral subsidy (丧葬补助金): 6 months of the regional average monthly wage of employees.',
        formula: `${formatFenAsYuan(averageWageFen)} × ${rule.funeralMonths} = ${formatFenAsYuan(funeralFen)}`,
        inputs: { averageWage: `${formatFenAsYuan(averageWageFen)} yuan` },
        sources,
      },
      oneTime: {
        rule:
          'One-time work-death subsidy (一次性工亡补助金): 20 times the national per-capita disposable income ' +
          'of urban residents of the year before the death.',
        formula: `${formatFenAsYuan(urbanIncomeFen)} × ${rule.oneTimeIncomeYears} = ${formatFenAsYuan(oneTimeFen)}`,
        inputs: { urbanIncome: `${formatFenAsYuan(urbanIncomeFen)} yuan a year` },
        sources: input.urbanIncomeSource ? [...sources, input.urbanIncomeSource] : sources,
      },
      survivors: {
        rule:
          'Survivors’ pension (供养亲属抚恤金): 40% of own wage for the spouse, 30% for each other dependent, ' +
          '10% more for each orphan or lone elderly dependent, half-up to the fen, in all at most the own wage.',
        formula:
          `${formatFenAsYuan(ownWageFen)} × (${shareText}) = ${formatFenAsYuan(shareFen)}` +
          (capped ? `, above the own wage: capped at ${formatFenAsYuan(survivorsMonthlyFen)}` : ''),
        inputs: {
          ownWage: `${formatFenAsYuan(ownWageFen)} yuan`,
          spouse: input.spouse ? 'yes' : 'no',
          otherDependents: `${dependents}`,
          orphansOrLoneElderly: `${extra}`,
        },
        sources,
      },
    },
  };
}
