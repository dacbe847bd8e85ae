import type { Explanation } from '../../explain/index.ts';
import { formatExactRatio, parseScaledDecimal } from '../../money/index.ts';
import { parseBusinessDate, type BusinessDate } from '../../time/index.ts';
import type { RegionalRule } from '../death/index.ts';
import { requireCount } from '../pension/require-count.ts';
import type { RegionalScheduleEntry, UnemploymentDurationRule } from './unemployment-rules.ts';

export interface UnemploymentEntitlementInput {
  /** Cumulative contribution months; or give contributionYears. */
  contributionMonths?: number;
  /** Cumulative contribution years as decimal text with up to two places ("7.5", "4.99"). */
  contributionYears?: string;
  /** Whether the employment ended other than by the person's own will. */
  involuntary: boolean;
  /** Whether the person has registered as unemployed and seeks work. */
  registered: boolean;
  /** Months an earlier claim left unpaid, added to this one (UIR Art. 17). */
  carriedMonths?: number;
  startDate: BusinessDate;
  /** The region's own schedule for the start date, or null (unemploymentScheduleOf). */
  regionalSchedule: RegionalRule<RegionalScheduleEntry> | null;
  duration: RegionalRule<UnemploymentDurationRule>;
}

export type IneligibleReason = 'too-few-contributions' | 'voluntary' | 'not-registered';

export interface UnemploymentEntitlement {
  eligible: boolean;
  reasons: { code: IneligibleReason; text: string }[];
  /** Months of benefit, carried months included; 0 when not eligible. */
  months: number;
  explanation: Explanation;
}

/** Hundredths of a month, so that years with two decimals (4.99) and whole months compare exactly. */
const PER_MONTH = 100;
const PER_YEAR = 12 * PER_MONTH;

function contributionUnits(input: UnemploymentEntitlementInput): { units: number; text: string } {
  if ((input.contributionMonths === undefined) === (input.contributionYears === undefined))
    throw new RangeError('contributionMonths: give the contribution months or the years, one of them');
  if (input.contributionMonths !== undefined) {
    const months = requireCount(input.contributionMonths, 'contributionMonths');
    return { units: months * PER_MONTH, text: `${months} months` };
  }
  const hundredths = parseScaledDecimal(input.contributionYears!, 2, 'contributionYears');
  if (hundredths < 0) throw new RangeError('contributionYears: must not be negative');
  return { units: hundredths * 12, text: `${formatExactRatio(BigInt(hundredths), 100n)} years` };
}

/**
 * Whether an unemployed person is entitled to unemployment benefit and for how many months (SIL Arts.
 * 45-46; UIR Art. 17; docs/RULES.md 15.6–15.8). Entitled: at least one year of contributions, employment
 * ended other than by the person's own will, registered as unemployed. Months: the national maximum of the
 * contribution years' tier (1 to under 5 years 12, 5 to under 10 years 18, 10 years or more 24), or the
 * region's own schedule where it has one for the start date (months per whole contribution year, at most
 * its maximum), never above the tier's maximum; months an earlier claim left unpaid are added, at most 24
 * in all.
 */
export function unemploymentEntitlement(input: UnemploymentEntitlementInput): UnemploymentEntitlement {
  const { rule: duration, source: durationSource } = input.duration;
  const startDate = parseBusinessDate(input.startDate, 'startDate');
  const carriedMonths = requireCount(input.carriedMonths ?? 0, 'carriedMonths');
  const { units, text: contributionText } = contributionUnits(input);
  const wholeYears = Math.floor(units / PER_YEAR);

  const reasons: UnemploymentEntitlement['reasons'] = [];
  if (units < duration.minContributionMonths * PER_MONTH)
    reasons.push({
      code: 'too-few-contributions',
      text: `${contributionText} of contributions: less than ${duration.minContributionMonths} months`,
    });
  if (!input.involuntary)
    reasons.push({ code: 'voluntary', text: 'the employment ended by the person’s own will' });
  if (!input.registered)
    reasons.push({ code: 'not-registered', text: 'not registered as unemployed and seeking work' });

  const inputs: Record<string, string> = {
    contributions: `${contributionText} (${wholeYears} whole years)`,
    startDate,
    carriedMonths: `${carriedMonths}`,
    involuntary: input.involuntary ? 'yes' : 'no',
    registered: input.registered ? 'yes' : 'no',
  };
  const sources = ['SIL Art. 45', durationSource];
  const rule =
    'Entitled after at least one year of contributions, when the employment ended other than by one’s own ' +
    'will and one has registered as unemployed; months by the national tier of the contribution years, or ' +
    'the region’s own schedule for the start date, never above the tier; unused months of an earlier claim ' +
    'added, at most 24 in all.';
  if (reasons.length > 0)
    return {
      eligible: false,
      reasons,
      months: 0,
      explanation: {
        rule,
        formula: `not entitled: ${reasons.map((reason) => reason.text).join('; ')}`,
        inputs,
        sources,
      },
    };

  const tier = duration.tiers.findLast((candidate) => candidate.fromYears * PER_YEAR <= units)!;
  const schedule = input.regionalSchedule;
  let months = tier.maxMonths;
  let how = `national tier from ${tier.fromYears} years: at most ${tier.maxMonths} months`;
  if (schedule) {
    const scheduled = Math.min(wholeYears * schedule.rule.monthsPerYear, schedule.rule.maxMonths);
    months = Math.min(scheduled, tier.maxMonths);
    how =
      `regional schedule from ${schedule.rule.from}: ${wholeYears} × ${schedule.rule.monthsPerYear} = ` +
      `${wholeYears * schedule.rule.monthsPerYear}, at most ${schedule.rule.maxMonths}, at most the national ` +
      `${tier.maxMonths}: ${months} months`;
    sources.push(schedule.source);
  }
  const total = Math.min(months + carriedMonths, duration.totalMaxMonths);
  if (carriedMonths > 0)
    how += `; + ${carriedMonths} carried = ${months + carriedMonths}, at most ${duration.totalMaxMonths}: ${total} months`;
  return {
    eligible: true,
    reasons: [],
    months: total,
    explanation: { rule, formula: how, inputs, sources },
  };
}
