import type { Explanation } from '../explain/index.ts';
import {
  formatFenAsYuan,
  formatPpmAsPercent,
  ROUNDING_MODE_LABELS,
  type Fen,
  type Ppm,
  type RoundingMode,
} from '../money/index.ts';
import type { Insurance, Party } from '../policy/dimensions.ts';
import type { PolicyBook } from '../policy/policy-book.ts';
import type { Category } from '../policy/dimensions.ts';
import type { Period } from '../time/index.ts';
import { applyScheduleLine } from './assess-person-month.ts';
import { clampBase, type BaseBand, type ClampedBase } from './contribution-base.ts';
import {
  compileContributionSchedule,
  CONTRIBUTION_LEGAL_BASIS,
  type ScheduleInput,
  type ScheduleLine,
} from './contribution-schedule.ts';

export interface ContributionInput extends ScheduleInput {
  /** Monthly wage (an employee's declared wage); used as the base unless baseFen is given. */
  wageFen?: Fen;
  /** A declared or chosen base (a flexible worker's grade); takes precedence over the wage. */
  baseFen?: Fen;
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

/**
 * The monthly contributions of one person: for each insurance and party, the base used (clamped), the rate,
 * the rounding, the amount, the personal-account part, and why. The monthly assessment applies the same
 * compiled schedule to every person (assessPersonMonth), so both give the same amounts.
 */
export function calculateContributions(book: PolicyBook, input: ContributionInput): ContributionResult {
  const declaredFen = input.baseFen ?? input.wageFen;
  if (declaredFen === undefined) throw new RangeError('wage: a monthly wage or a base is required');
  if (!Number.isSafeInteger(declaredFen) || declaredFen < 0) {
    throw new RangeError(`${input.baseFen !== undefined ? 'base' : 'wage'}: must be a non-negative amount`);
  }
  const schedule = compileContributionSchedule(book, input);
  const lines = schedule.lines.map((line): ContributionLine => {
    const band = schedule.bands[line.insurance]!;
    const base = clampBase(band, declaredFen);
    const { amountFen, personalAccountFen } = applyScheduleLine(line, base.baseFen);
    return {
      insurance: line.insurance,
      party: line.party,
      baseFen: base.baseFen,
      ratePpm: line.ratePpm,
      fixedFen: line.fixedFen,
      amountFen,
      personalAccountFen,
      rounding: line.rounding,
      explanation: explainLine(line, band, base, amountFen, personalAccountFen),
    };
  });

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
    notes: schedule.notes,
  };
}

function explainLine(
  line: ScheduleLine,
  band: BaseBand,
  base: ClampedBase,
  amountFen: Fen,
  personalAccountFen: Fen,
): Explanation {
  const clampNote =
    base.clampedTo === 'floor'
      ? ' (raised to the floor)'
      : base.clampedTo === 'ceiling'
        ? ' (lowered to the ceiling)'
        : '';
  const fixedText = line.fixedFen ? ` + ${formatFenAsYuan(line.fixedFen)}` : '';
  const inputs: Record<string, string> = {
    declared: formatFenAsYuan(base.declaredFen),
    floor: formatFenAsYuan(band.floorFen),
    ceiling: formatFenAsYuan(band.ceilingFen),
    base: `${formatFenAsYuan(base.baseFen)}${clampNote}`,
    rate: line.describeRate,
    rounding: ROUNDING_MODE_LABELS[line.rounding],
  };
  if (band.rounding) inputs.baseRounding = ROUNDING_MODE_LABELS[band.rounding];
  if (line.fixedFen) inputs.fixedMonthly = formatFenAsYuan(line.fixedFen);
  if (line.accountRatePpm !== null) {
    inputs.personalAccount = `${formatPpmAsPercent(line.accountRatePpm)} of the base = ${formatFenAsYuan(personalAccountFen)}`;
  }
  return {
    rule: `base clamped to [floor, ceiling] × rate${fixedText ? ' + fixed monthly amount' : ''}, ${ROUNDING_MODE_LABELS[line.rounding]}`,
    formula: `${formatFenAsYuan(base.baseFen)} × ${line.describeRate}${fixedText} = ${formatFenAsYuan(amountFen)}`,
    inputs,
    sources: [
      ...new Set([
        CONTRIBUTION_LEGAL_BASIS[line.insurance],
        'GBF-2019-13 (base 60%-300%)',
        ...line.sources,
        ...band.sources,
      ]),
    ],
  };
}
