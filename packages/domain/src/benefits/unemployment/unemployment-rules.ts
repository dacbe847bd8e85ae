import { isRoundingMode, type Fen, type Ppm, type RoundingMode } from '../../money/index.ts';
import type { PolicyBook } from '../../policy/index.ts';
import { dateToPeriod, parseBusinessDate, type BusinessDate, type Period } from '../../time/index.ts';
import type { RegionalRule } from '../death/index.ts';

/*
 * The rules of unemployment benefit as policy parameters (docs/RULES.md 15.6–15.9): the national maxima
 * by contribution years, a region's own schedule of months (chosen by the claim's start date, because a
 * schedule may begin mid-month), and the region's monthly standard. A value that does not have the shape
 * below is refused with the parameter named, never guessed.
 */

/** `unemployment.duration`: the national maxima (SIL Art. 46; UIR Art. 17). */
export interface UnemploymentDurationRule {
  minContributionMonths: number;
  /** Rising fromYears; the tier with the highest fromYears not above the years applies. */
  tiers: readonly { fromYears: number; maxMonths: number }[];
  /** The most a claim may run, carried months included. */
  totalMaxMonths: number;
}

/** One dated entry of `unemployment.regionalSchedule`: months per whole contribution year, at most maxMonths. */
export interface RegionalScheduleEntry {
  from: BusinessDate;
  monthsPerYear: number;
  maxMonths: number;
}

/** One band of a monthly standard: from a month of the claim until the next band begins. */
export interface StandardBand {
  fromMonth: number;
  amountFen: Fen;
  label: string;
}

/** `unemployment.monthlyStandard`. */
export type MonthlyStandardRule =
  | { kind: 'bands'; bands: readonly StandardBand[] }
  | { kind: 'share-of-minimum-wage'; sharePpm: Ppm; rounding: RoundingMode };

const isWhole = (value: unknown, min = 0): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

function refuse(name: string, reason: string): never {
  throw new RangeError(`${name}: ${reason}`);
}

export function parseUnemploymentDurationRule(
  value: unknown,
  name = 'unemployment.duration',
): UnemploymentDurationRule {
  const rule = value as Record<string, unknown> | null;
  if (!isWhole(rule?.minContributionMonths, 1))
    refuse(name, 'minContributionMonths must be a whole number of at least 1');
  if (!isWhole(rule.totalMaxMonths, 1)) refuse(name, 'totalMaxMonths must be a whole number of at least 1');
  if (!Array.isArray(rule.tiers) || rule.tiers.length === 0)
    refuse(name, 'tiers must list at least one tier');
  const tiers = (rule.tiers as unknown[]).map((tier, index) => {
    const t = tier as Record<string, unknown> | null;
    if (!isWhole(t?.fromYears) || !isWhole(t.maxMonths, 1))
      refuse(name, `tiers[${index}] needs whole fromYears and maxMonths`);
    return { fromYears: t.fromYears, maxMonths: t.maxMonths };
  });
  for (let index = 1; index < tiers.length; index += 1)
    if (tiers[index]!.fromYears <= tiers[index - 1]!.fromYears)
      refuse(name, 'tiers must be in rising order of fromYears');
  return { minContributionMonths: rule.minContributionMonths, tiers, totalMaxMonths: rule.totalMaxMonths };
}

export function parseRegionalSchedule(
  value: unknown,
  name = 'unemployment.regionalSchedule',
): RegionalScheduleEntry[] {
  const entries = (value as Record<string, unknown> | null)?.entries;
  if (!Array.isArray(entries) || entries.length === 0) refuse(name, 'entries must list at least one entry');
  const parsed = entries.map((entry, index) => {
    const e = entry as Record<string, unknown> | null;
    if (typeof e?.from !== 'string') refuse(name, `entries[${index}].from must be a date YYYY-MM-DD`);
    parseBusinessDate(e.from, `${name}: entries[${index}].from`);
    if (!isWhole(e.monthsPerYear, 1) || !isWhole(e.maxMonths, 1))
      refuse(name, `entries[${index}] needs whole monthsPerYear and maxMonths of at least 1`);
    return { from: e.from, monthsPerYear: e.monthsPerYear, maxMonths: e.maxMonths };
  });
  for (let index = 1; index < parsed.length; index += 1)
    if (parsed[index]!.from <= parsed[index - 1]!.from)
      refuse(name, 'entries must be in rising order of from');
  return parsed;
}

export function parseMonthlyStandardRule(
  value: unknown,
  name = 'unemployment.monthlyStandard',
): MonthlyStandardRule {
  const rule = value as Record<string, unknown> | null;
  if (rule?.kind === 'share-of-minimum-wage') {
    if (!isWhole(rule.sharePpm, 1)) refuse(name, 'sharePpm must be a whole number of ppm above zero');
    if (!isRoundingMode(rule.rounding)) refuse(name, 'rounding must be a rounding mode such as half-up-fen');
    return { kind: 'share-of-minimum-wage', sharePpm: rule.sharePpm, rounding: rule.rounding };
  }
  if (rule?.kind === 'bands') {
    if (!Array.isArray(rule.bands) || rule.bands.length === 0)
      refuse(name, 'bands must list at least one band');
    const bands = (rule.bands as unknown[]).map((band, index) => {
      const b = band as Record<string, unknown> | null;
      if (!isWhole(b?.fromMonth, 1) || !isWhole(b.amountFen))
        refuse(name, `bands[${index}] needs a whole fromMonth of at least 1 and whole amountFen`);
      if (typeof b.label !== 'string' || b.label === '')
        refuse(name, `bands[${index}].label must name the band`);
      return { fromMonth: b.fromMonth, amountFen: b.amountFen, label: b.label };
    });
    if (bands[0]!.fromMonth !== 1) refuse(name, 'the first band must start at month 1');
    for (let index = 1; index < bands.length; index += 1)
      if (bands[index]!.fromMonth <= bands[index - 1]!.fromMonth)
        refuse(name, 'bands must be in rising order of fromMonth');
    return { kind: 'bands', bands };
  }
  return refuse(name, 'kind must be "bands" or "share-of-minimum-wage"');
}

export function unemploymentDurationOf(
  book: PolicyBook,
  at: { regionCode: string; period: Period },
): RegionalRule<UnemploymentDurationRule> {
  const found = book.require('unemployment.duration', at);
  return { rule: parseUnemploymentDurationRule(found.value), source: found.parameter.source };
}

/**
 * The region's own schedule for a claim starting on a date, or null where it has none
 * (docs/RULES.md 15.7): the row in force in the start date's month, and within it the latest entry whose
 * `from` is on or before the start date. A schedule that begins on the 16th leaves claims from the 1st to
 * the 15th under the national maxima.
 */
export function unemploymentScheduleOf(
  book: PolicyBook,
  at: { regionCode: string; startDate: BusinessDate },
): RegionalRule<RegionalScheduleEntry> | null {
  const found = book.find('unemployment.regionalSchedule', {
    regionCode: at.regionCode,
    period: dateToPeriod(at.startDate),
  });
  if (!found) return null;
  const entry = parseRegionalSchedule(found.value).findLast((candidate) => candidate.from <= at.startDate);
  return entry ? { rule: entry, source: found.parameter.source } : null;
}

/** The region's monthly standard in force in a month, or null where the region has none. */
export function unemploymentStandardOf(
  book: PolicyBook,
  at: { regionCode: string; period: Period },
): RegionalRule<MonthlyStandardRule> | null {
  const found = book.find('unemployment.monthlyStandard', at);
  return found ? { rule: parseMonthlyStandardRule(found.value), source: found.parameter.source } : null;
}
