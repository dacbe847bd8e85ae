import type { Explanation } from '../../explain/index.ts';
import { formatFenAsYuan, formatMonthsAsYears, type Fen } from '../../money/index.ts';
import type { FuneralGrantRule, RegionalRule, SurvivorsBenefitRule } from './death-benefit-rules.ts';

export interface DeathBenefitAmount {
  amountFen: Fen;
  explanation: Explanation;
}

/**
 * The funeral grant (丧葬补助金) paid once on a member's death, by the region's standard in force in the
 * month of death (docs/RULES.md 14.10): a fixed sum, or months × the monthly base the region names. Whole
 * fen in, whole fen out: no rounding.
 */
export function funeralGrant({ rule, source }: RegionalRule<FuneralGrantRule>): DeathBenefitAmount {
  if (rule.kind === 'fixed')
    return {
      amountFen: rule.amountFen,
      explanation: {
        rule: 'Funeral grant (丧葬补助金): the fixed sum of the region’s standard in force in the month of death.',
        formula: `${formatFenAsYuan(rule.amountFen)}`,
        inputs: { standard: `${formatFenAsYuan(rule.amountFen)} yuan` },
        sources: ['SIL Art. 17', source],
      },
    };
  const amountFen = rule.months * rule.monthlyBaseFen;
  return {
    amountFen,
    explanation: {
      rule:
        'Funeral grant (丧葬补助金): the region’s number of months × its monthly base, as in force in the ' +
        'month of death.',
      formula: `${formatFenAsYuan(rule.monthlyBaseFen)} × ${rule.months} = ${formatFenAsYuan(amountFen)}`,
      inputs: {
        monthlyBase: `${formatFenAsYuan(rule.monthlyBaseFen)} yuan (${rule.base})`,
        months: `${rule.months}`,
      },
      sources: ['SIL Art. 17', source],
    },
  };
}

/** The months of the survivors' one-time benefit for whole contribution years (docs/RULES.md 14.10). */
export function survivorsBenefitMonths(rule: SurvivorsBenefitRule, contributionYears: number): number {
  const band = rule.bands.findLast((candidate) => candidate.fromYears <= contributionYears)!;
  const months = band.months + (contributionYears - band.fromYears) * band.extraMonthsPerYear;
  return Math.min(months, rule.maxMonths);
}

/**
 * The survivors' one-time benefit (一次性抚恤金) paid to the deceased's survivors (docs/RULES.md 14.10):
 * months of the region's monthly base by the deceased's whole contribution years, deemed years included
 * (contribution months / 12, the part year dropped), capped at the region's maximum.
 */
export function survivorsBenefit(
  { rule, source }: RegionalRule<SurvivorsBenefitRule>,
  contributionMonths: number,
): DeathBenefitAmount {
  if (!Number.isSafeInteger(contributionMonths) || contributionMonths < 0)
    throw new RangeError('contributionMonths: must be a whole number, not negative');
  const years = Math.floor(contributionMonths / 12);
  const months = survivorsBenefitMonths(rule, years);
  const band = rule.bands.findLast((candidate) => candidate.fromYears <= years)!;
  const amountFen = months * rule.monthlyBaseFen;
  return {
    amountFen,
    explanation: {
      rule:
        'Survivors’ one-time benefit (一次性抚恤金): the region’s monthly base × the months its table gives ' +
        'for the whole contribution years (deemed years included), at most its maximum.',
      formula: `${formatFenAsYuan(rule.monthlyBaseFen)} × ${months} = ${formatFenAsYuan(amountFen)}`,
      inputs: {
        monthlyBase: `${formatFenAsYuan(rule.monthlyBaseFen)} yuan (${rule.base})`,
        contributionMonths: `${contributionMonths} months (${formatMonthsAsYears(contributionMonths)} years; ${years} whole years)`,
        band: `from ${band.fromYears} years: ${band.months} months + ${band.extraMonthsPerYear} a year beyond`,
        months: `${months} (at most ${rule.maxMonths})`,
      },
      sources: ['SIL Art. 17', source],
    },
  };
}
