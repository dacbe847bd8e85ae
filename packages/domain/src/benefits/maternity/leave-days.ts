import type { Explanation } from '../../explain/index.ts';
import type { RegionalRule } from '../death/index.ts';
import type { LeaveExtensionRule, MaternityLeaveRule } from './maternity-rules.ts';

export const MISCARRIAGES = ['early', 'late'] as const;
export type Miscarriage = (typeof MISCARRIAGES)[number];

export interface MaternityLeaveInput {
  dystocia: boolean;
  /** Babies born at this birth, at least 1. */
  babies: number;
  /** A miscarriage before 4 months of pregnancy ('early') or from 4 months ('late'); null for a birth. */
  miscarriage: Miscarriage | null;
  leave: RegionalRule<MaternityLeaveRule>;
  /** The region's extension in force, or null where it has none. */
  regionalExtension: RegionalRule<LeaveExtensionRule> | null;
}

export interface MaternityLeaveDays {
  /** The days of leave the maternity allowance pays for. */
  leaveDays: number;
  explanation: Explanation;
}

/**
 * The days of maternity leave the allowance pays (WLP Art. 7; docs/RULES.md 15.10): 98 days, 15 more for a
 * difficult birth and 15 more for each further baby of a multiple birth; a miscarriage before 4 months of
 * pregnancy 15 days, from 4 months 42 days, with nothing added; plus the region's extension of the leave
 * where the region has the fund pay the allowance for it (never for a miscarriage).
 */
export function maternityLeaveDays(input: MaternityLeaveInput): MaternityLeaveDays {
  const { rule, source } = input.leave;
  if (!Number.isSafeInteger(input.babies) || input.babies < 1)
    throw new RangeError(`babies: must be a whole number of at least 1, got ${input.babies}`);
  if (input.miscarriage !== null && !MISCARRIAGES.includes(input.miscarriage))
    throw new RangeError(`miscarriage: must be one of ${MISCARRIAGES.join(', ')}`);
  const inputs: Record<string, string> = {
    dystocia: input.dystocia ? 'yes' : 'no',
    babies: `${input.babies}`,
    miscarriage: input.miscarriage ?? 'no',
  };
  const sources = ['WLP Art. 7', source];
  if (input.miscarriage !== null) {
    const leaveDays = input.miscarriage === 'early' ? rule.miscarriageEarlyDays : rule.miscarriageLateDays;
    return {
      leaveDays,
      explanation: {
        rule:
          'Leave after a miscarriage: 15 days before 4 months of pregnancy, 42 days from 4 months; nothing is ' +
          'added to it.',
        formula: `miscarriage ${input.miscarriage === 'early' ? 'before' : 'from'} 4 months: ${leaveDays} days`,
        inputs,
        sources,
      },
    };
  }
  const parts = [`${rule.baseDays}`];
  let leaveDays = rule.baseDays;
  if (input.dystocia) {
    parts.push(`${rule.dystociaDays} (difficult birth)`);
    leaveDays += rule.dystociaDays;
  }
  if (input.babies > 1) {
    parts.push(`${input.babies - 1} × ${rule.perExtraBabyDays} (further babies)`);
    leaveDays += (input.babies - 1) * rule.perExtraBabyDays;
  }
  const extension = input.regionalExtension;
  if (extension) {
    inputs.regionalExtension = `${extension.rule.days} days, ${extension.rule.fundPays ? 'paid by the fund' : 'not paid by the fund'}`;
    if (extension.rule.fundPays) {
      parts.push(`${extension.rule.days} (regional extension)`);
      leaveDays += extension.rule.days;
    }
    sources.push(extension.source);
  } else inputs.regionalExtension = 'none';
  return {
    leaveDays,
    explanation: {
      rule:
        'Maternity leave: 98 days, 15 more for a difficult birth, 15 more for each further baby, plus the ' +
        'region’s extension where the fund pays the allowance for it.',
      formula: `${parts.join(' + ')} = ${leaveDays} days`,
      inputs,
      sources,
    },
  };
}
