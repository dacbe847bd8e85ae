import { formatPpmAsPercent, PPM_PER_UNIT, type Fen, type Ppm, type RoundingMode } from '../money/index.ts';
import type { Category, Insurance, Party } from '../policy/dimensions.ts';
import { PolicyMissingError, type PolicyBook } from '../policy/policy-book.ts';
import type { Period } from '../time/index.ts';
import { findBaseBand, type BaseBand } from './contribution-base.ts';

export interface ScheduleInput {
  regionCode: string;
  period: Period;
  category: Category;
  /** Work-injury industry risk class 1-8 (RSB-2015-71); employees only. Defaults to 1. */
  injuryClass?: number;
  /** The employer's floating factor on the class rate, 1000000 = 100%. */
  injuryFloatPpm?: Ppm;
}

/** One insurance-and-party line with its rate already looked up and reduced to a small exact fraction. */
export interface ScheduleLine {
  insurance: Insurance;
  party: Party;
  /** amount = base × numerator / denominator, rounded, plus fixedFen. */
  numerator: number;
  denominator: number;
  /** The rate for display (a floated class rate rounded to the ppm). */
  ratePpm: Ppm;
  fixedFen: Fen;
  rounding: RoundingMode;
  /** Share of the base credited to the personal account, or null when none is. */
  accountRatePpm: Ppm | null;
  describeRate: string;
  sources: string[];
}

/**
 * Everything the policy says about one kind of person-month (region, month, category, work-injury class
 * and float), looked up once. A monthly assessment compiles one schedule per kind and applies it to every
 * person; the single calculator does the same for one person, so both give the same amounts.
 */
export interface ContributionSchedule {
  regionCode: string;
  period: Period;
  category: Category;
  injuryClass: number;
  injuryFloatPpm: Ppm;
  bands: Partial<Record<Insurance, BaseBand>>;
  lines: ScheduleLine[];
  notes: string[];
}

/** The statute behind each insurance's contribution duty. */
export const CONTRIBUTION_LEGAL_BASIS: Record<Insurance, string> = {
  pension: 'SIL Art. 10, 12',
  medical: 'SIL Art. 23',
  unemployment: 'SIL Art. 44',
  work_injury: 'SIL Art. 33, 34 (employer only)',
  maternity: 'SIL Art. 53 (employer only); merged into medical by GBF-2019-10',
};

/** Insurances that must have a rate; a missing one is a gap in the policy data, not a zero. */
const REQUIRED: Record<Category, Insurance[]> = {
  employee: ['pension', 'medical', 'unemployment', 'work_injury'],
  flexible: ['pension'],
};

const PARTIES_OF: Record<Category, Party[]> = {
  employee: ['employer', 'employee'],
  // A flexible worker pays the whole premium alone (SIL Art. 10, 23).
  flexible: ['employee'],
};

const ORDER: Insurance[] = ['pension', 'medical', 'maternity', 'unemployment', 'work_injury'];

export function compileContributionSchedule(book: PolicyBook, input: ScheduleInput): ContributionSchedule {
  const injuryClass = input.injuryClass ?? 1;
  if (!Number.isInteger(injuryClass) || injuryClass < 1 || injuryClass > 8) {
    throw new RangeError(`injuryClass: must be a whole number from 1 to 8, got ${input.injuryClass}`);
  }
  const injuryFloatPpm = input.injuryFloatPpm ?? PPM_PER_UNIT;
  if (!Number.isSafeInteger(injuryFloatPpm) || injuryFloatPpm <= 0) {
    throw new RangeError('injuryFloat: must be a positive share');
  }
  const schedule: ContributionSchedule = {
    regionCode: input.regionCode,
    period: input.period,
    category: input.category,
    injuryClass,
    injuryFloatPpm,
    bands: {},
    lines: [],
    notes: [],
  };

  for (const insurance of ORDER) {
    for (const party of PARTIES_OF[input.category]) {
      const query = {
        regionCode: input.regionCode,
        period: input.period,
        insurance,
        party,
        category: input.category,
      };
      const rate =
        insurance === 'work_injury'
          ? findInjuryRate(book, query, party, injuryClass, injuryFloatPpm)
          : findRate(book, query);
      if (!rate) {
        const required =
          REQUIRED[input.category].includes(insurance) &&
          (insurance !== 'work_injury' || party === 'employer');
        if (required) throw new PolicyMissingError('contribution.rate', query);
        if (input.category === 'flexible' && insurance === 'medical') {
          schedule.notes.push(
            `medical: no rate for flexible workers published in region ${input.regionCode}; not assessed`,
          );
        }
        continue;
      }
      if (!schedule.bands[insurance]) {
        const band = findBaseBand(book, query);
        schedule.bands[insurance] = band;
        schedule.notes.push(...band.notes.map((note) => `${insurance}: ${note}`));
      }
      const rounding = book.require<RoundingMode>('contribution.rounding', query);
      const accountRate = book.find<number>('contribution.personalAccountRate', query);
      schedule.lines.push({
        insurance,
        party,
        ...rate,
        rounding: rounding.value,
        accountRatePpm: accountRate ? accountRate.value : null,
        sources: [
          ...rate.sources,
          rounding.parameter.source,
          ...(accountRate ? [accountRate.parameter.source] : []),
        ],
      });
    }
  }
  return schedule;
}

type FoundRate = Pick<
  ScheduleLine,
  'numerator' | 'denominator' | 'ratePpm' | 'fixedFen' | 'describeRate' | 'sources'
>;
type Query = Parameters<PolicyBook['find']>[1];

function findRate(book: PolicyBook, query: Query): FoundRate | undefined {
  const rate = book.find<number>('contribution.rate', query);
  const fixed = book.find<number>('contribution.fixedMonthly', query);
  if ((!rate || rate.value === 0) && (!fixed || fixed.value === 0)) return undefined;
  const ratePpm = rate?.value ?? 0;
  return {
    ...reduceFraction(ratePpm, PPM_PER_UNIT),
    ratePpm,
    fixedFen: fixed?.value ?? 0,
    describeRate: formatPpmAsPercent(ratePpm),
    sources: [rate?.parameter.source, fixed?.parameter.source].filter((source): source is string => !!source),
  };
}

function findInjuryRate(
  book: PolicyBook,
  query: Query,
  party: Party,
  injuryClass: number,
  floatPpm: Ppm,
): FoundRate | undefined {
  if (party !== 'employer') return undefined;
  const classRates = book.require<Record<string, number>>('workInjury.classRates', query);
  const classRatePpm = classRates.value[String(injuryClass)];
  if (classRatePpm === undefined)
    throw new PolicyMissingError(`workInjury.classRates[${injuryClass}]`, query);
  // class rate × float, kept exact: (classRatePpm × floatPpm) / 10^12, reduced so it stays a small fraction.
  const exact = reduceFraction(classRatePpm * floatPpm, PPM_PER_UNIT * PPM_PER_UNIT);
  const ratePpm = Math.round((exact.numerator * PPM_PER_UNIT) / exact.denominator);
  const floated = floatPpm === PPM_PER_UNIT ? '' : ` × ${formatPpmAsPercent(floatPpm)} float`;
  return {
    ...exact,
    ratePpm,
    fixedFen: 0,
    describeRate: `${formatPpmAsPercent(classRatePpm)} (class ${injuryClass})${floated}`,
    sources: [classRates.parameter.source],
  };
}

function reduceFraction(numerator: number, denominator: number): { numerator: number; denominator: number } {
  let a = numerator;
  let b = denominator;
  while (b !== 0) [a, b] = [b, a % b];
  const divisor = a === 0 ? 1 : a;
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}
