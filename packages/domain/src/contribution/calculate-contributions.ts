import type { Explanation } from '../explain/index.ts';
import {
  applyRate,
  formatFenAsYuan,
  formatPpmAsPercent,
  PPM_PER_UNIT,
  ROUNDING_MODE_LABELS,
  roundRatio,
  type Fen,
  type Ppm,
  type RoundingMode,
} from '../money/index.ts';
import type { Category, Insurance, Party } from '../policy/dimensions.ts';
import { PolicyMissingError, type PolicyBook } from '../policy/policy-book.ts';
import type { Period } from '../time/index.ts';
import { clampContributionBase, type ClampedBase } from './contribution-base.ts';

export interface ContributionInput {
  regionCode: string;
  period: Period;
  category: Category;
  /** Monthly wage (an employee's declared wage); used as the base unless baseFen is given. */
  wageFen?: Fen;
  /** A declared or chosen base (a flexible worker's grade); takes precedence over the wage. */
  baseFen?: Fen;
  /** Work-injury industry risk class 1-8 (RSB-2015-71); employees only. Defaults to 1. */
  injuryClass?: number;
  /** The employer's floating factor on the class rate, 1000000 = 100%. */
  injuryFloatPpm?: Ppm;
}

export interface ContributionLine {
  insurance: Insurance;
  party: Party;
  baseFen: Fen;
  ratePpm: Ppm;
  fixedFen: Fen;
  amountFen: Fen;
  personalAccountFen: Fen;
  rounding: RoundingMode;
  explanation: Explanation;
}

export interface ContributionResult {
  regionCode: string;
  period: Period;
  category: Category;
  lines: ContributionLine[];
  totals: { employerFen: Fen; employeeFen: Fen; totalFen: Fen; personalAccountFen: Fen };
  notes: string[];
}

/** The statute behind each insurance's contribution duty. */
const LEGAL_BASIS: Record<Insurance, string> = {
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

/**
 * The monthly contributions of one person: for each insurance and party, the base used (clamped), the rate,
 * the rounding, the amount, the personal-account part, and why.
 */
export function calculateContributions(book: PolicyBook, input: ContributionInput): ContributionResult {
  const declaredFen = input.baseFen ?? input.wageFen;
  if (declaredFen === undefined) throw new RangeError('wage: a monthly wage or a base is required');
  if (!Number.isSafeInteger(declaredFen) || declaredFen < 0) {
    throw new RangeError(`${input.baseFen !== undefined ? 'base' : 'wage'}: must be a non-negative amount`);
  }
  const injuryClass = input.injuryClass ?? 1;
  if (!Number.isInteger(injuryClass) || injuryClass < 1 || injuryClass > 8) {
    throw new RangeError(`injuryClass: must be a whole number from 1 to 8, got ${input.injuryClass}`);
  }
  const injuryFloatPpm = input.injuryFloatPpm ?? PPM_PER_UNIT;
  if (!Number.isSafeInteger(injuryFloatPpm) || injuryFloatPpm <= 0) {
    throw new RangeError('injuryFloat: must be a positive share');
  }

  const lines: ContributionLine[] = [];
  const notes: string[] = [];
  const bases = new Map<Insurance, ClampedBase>();
  const baseFor = (insurance: Insurance) => {
    let base = bases.get(insurance);
    if (!base) {
      base = clampContributionBase(book, { ...input, insurance }, declaredFen);
      bases.set(insurance, base);
      notes.push(...base.notes.map((note) => `${insurance}: ${note}`));
    }
    return base;
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
          notes.push(
            `medical: no rate for flexible workers published in region ${input.regionCode}; not assessed`,
          );
        }
        continue;
      }
      const base = baseFor(insurance);
      const rounding = book.require<RoundingMode>('contribution.rounding', query);
      const ratedFen = roundRatio(BigInt(base.baseFen) * rate.numerator, rate.denominator, rounding.value);
      const amountFen = ratedFen + rate.fixedFen;
      const accountRate = book.find<number>('contribution.personalAccountRate', query);
      const personalAccountFen = accountRate
        ? Math.min(ratedFen, applyRate(base.baseFen, accountRate.value, rounding.value))
        : 0;
      lines.push({
        insurance,
        party,
        baseFen: base.baseFen,
        ratePpm: rate.ratePpm,
        fixedFen: rate.fixedFen,
        amountFen,
        personalAccountFen,
        rounding: rounding.value,
        explanation: explainLine({
          insurance,
          base,
          rate,
          rounding: rounding.value,
          amountFen,
          personalAccountFen,
          accountRatePpm: accountRate?.value,
          sources: [rounding.parameter.source, ...(accountRate ? [accountRate.parameter.source] : [])],
        }),
      });
    }
  }

  const sum = (party?: Party) =>
    lines.filter((line) => !party || line.party === party).reduce((total, line) => total + line.amountFen, 0);
  return {
    regionCode: input.regionCode,
    period: input.period,
    category: input.category,
    lines,
    totals: {
      employerFen: sum('employer'),
      employeeFen: sum('employee'),
      totalFen: sum(),
      personalAccountFen: lines.reduce((total, line) => total + line.personalAccountFen, 0),
    },
    notes,
  };
}

interface FoundRate {
  /** The exact rate as numerator / denominator of the base, so a floated class rate stays exact. */
  numerator: bigint;
  denominator: bigint;
  ratePpm: Ppm;
  fixedFen: Fen;
  describe: string;
  sources: string[];
}

type Query = Parameters<PolicyBook['find']>[1];

function findRate(book: PolicyBook, query: Query): FoundRate | undefined {
  const rate = book.find<number>('contribution.rate', query);
  const fixed = book.find<number>('contribution.fixedMonthly', query);
  if ((!rate || rate.value === 0) && (!fixed || fixed.value === 0)) return undefined;
  const ratePpm = rate?.value ?? 0;
  return {
    numerator: BigInt(ratePpm),
    denominator: BigInt(PPM_PER_UNIT),
    ratePpm,
    fixedFen: fixed?.value ?? 0,
    describe: formatPpmAsPercent(ratePpm),
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
  const numerator = BigInt(classRatePpm) * BigInt(floatPpm);
  const denominator = BigInt(PPM_PER_UNIT) * BigInt(PPM_PER_UNIT);
  return {
    numerator,
    denominator,
    ratePpm: roundRatio(numerator, BigInt(PPM_PER_UNIT), 'half-up-fen'),
    fixedFen: 0,
    describe:
      floatPpm === PPM_PER_UNIT
        ? `${formatPpmAsPercent(classRatePpm)} (class ${injuryClass})`
        : `${formatPpmAsPercent(classRatePpm)} (class ${injuryClass}) × ${formatPpmAsPercent(floatPpm)} float`,
    sources: [classRates.parameter.source],
  };
}

function explainLine(args: {
  insurance: Insurance;
  base: ClampedBase;
  rate: FoundRate;
  rounding: RoundingMode;
  amountFen: Fen;
  personalAccountFen: Fen;
  accountRatePpm: Ppm | undefined;
  sources: string[];
}): Explanation {
  const { base, rate } = args;
  const clampNote =
    base.clampedTo === 'floor'
      ? ' (raised to the floor)'
      : base.clampedTo === 'ceiling'
        ? ' (lowered to the ceiling)'
        : '';
  const fixedText = rate.fixedFen ? ` + ${formatFenAsYuan(rate.fixedFen)}` : '';
  const inputs: Record<string, string> = {
    declared: formatFenAsYuan(base.declaredFen),
    floor: formatFenAsYuan(base.floorFen),
    ceiling: formatFenAsYuan(base.ceilingFen),
    base: `${formatFenAsYuan(base.baseFen)}${clampNote}`,
    rate: rate.describe,
    rounding: ROUNDING_MODE_LABELS[args.rounding],
  };
  if (rate.fixedFen) inputs.fixedMonthly = formatFenAsYuan(rate.fixedFen);
  if (args.accountRatePpm !== undefined) {
    inputs.personalAccount = `${formatPpmAsPercent(args.accountRatePpm)} of the base = ${formatFenAsYuan(args.personalAccountFen)}`;
  }
  return {
    rule: `base clamped to [floor, ceiling] × rate${fixedText ? ' + fixed monthly amount' : ''}, ${ROUNDING_MODE_LABELS[args.rounding]}`,
    formula: `${formatFenAsYuan(base.baseFen)} × ${rate.describe}${fixedText} = ${formatFenAsYuan(args.amountFen)}`,
    inputs,
    sources: unique([
      LEGAL_BASIS[args.insurance],
      'GBF-2019-13 (base 60%-300%)',
      ...rate.sources,
      ...base.sources,
      ...args.sources,
    ]),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
