import type { Explanation } from '../../explain/index.ts';
import { applyRate, formatFenAsYuan, formatPpmAsPercent, type Fen } from '../../money/index.ts';
import type { RegionalRule } from '../death/index.ts';
import { requireCount } from '../pension/require-count.ts';
import type { MonthlyStandardRule } from './unemployment-rules.ts';

export interface UnemploymentMonthlyInput {
  /** The month of the claim, 1 for the first. */
  monthNo: number;
  standard: RegionalRule<MonthlyStandardRule>;
  /** The local monthly minimum wage: needed where the standard is a share of it. */
  minimumWageFen?: Fen;
  minimumWageSource?: string;
}

export interface UnemploymentMonthlyAmount {
  amountFen: Fen;
  /** The band of the claim that gives the amount ("months 1-12"), or the share of the minimum wage. */
  band: string;
  explanation: Explanation;
}

/**
 * The unemployment benefit for one month of a claim (SIL Art. 47; UIR Art. 18; docs/RULES.md 15.9): the
 * region's standard, either an amount by band of the claim's months (Shanghai pays less from month 13) or a
 * share of the local minimum wage rounded with the region's mode (Guangdong 90%).
 */
export function unemploymentMonthlyAmount(input: UnemploymentMonthlyInput): UnemploymentMonthlyAmount {
  const { rule, source } = input.standard;
  if (!Number.isSafeInteger(input.monthNo) || input.monthNo < 1)
    throw new RangeError(`monthNo: must be a whole number of at least 1, got ${input.monthNo}`);
  const sources = ['SIL Art. 47', 'UIR Art. 18', source];
  if (rule.kind === 'bands') {
    const band = rule.bands.findLast((candidate) => candidate.fromMonth <= input.monthNo)!;
    return {
      amountFen: band.amountFen,
      band: band.label,
      explanation: {
        rule: 'Unemployment benefit (失业保险金): the region’s monthly amount for the band of the claim’s months.',
        formula: `month ${input.monthNo} (${band.label}): ${formatFenAsYuan(band.amountFen)}`,
        inputs: {
          month: `${input.monthNo}`,
          bands: rule.bands
            .map((one) => `from month ${one.fromMonth} ${formatFenAsYuan(one.amountFen)} (${one.label})`)
            .join('; '),
        },
        sources,
      },
    };
  }
  if (input.minimumWageFen === undefined)
    throw new RangeError(
      'minimumWageFen: the standard is a share of the minimum wage; give the minimum wage',
    );
  const minimumWageFen = requireCount(input.minimumWageFen, 'minimumWageFen');
  const amountFen = applyRate(minimumWageFen, rule.sharePpm, rule.rounding);
  const share = formatPpmAsPercent(rule.sharePpm);
  return {
    amountFen,
    band: `${share} of the minimum wage`,
    explanation: {
      rule: `Unemployment benefit (失业保险金): ${share} of the local monthly minimum wage, rounded ${rule.rounding}.`,
      formula: `${formatFenAsYuan(minimumWageFen)} × ${share} = ${formatFenAsYuan(amountFen)}`,
      inputs: { month: `${input.monthNo}`, minimumWage: `${formatFenAsYuan(minimumWageFen)} yuan` },
      sources: input.minimumWageSource ? [...sources, input.minimumWageSource] : sources,
    },
  };
}

export interface UnemploymentScheduleMonth {
  monthNo: number;
  amountFen: Fen;
  band: string;
}

export interface UnemploymentSchedule {
  months: UnemploymentScheduleMonth[];
  /** Runs of months with the same amount: one award version each. */
  bands: { fromMonth: number; toMonth: number; amountFen: Fen; band: string }[];
  totalFen: Fen;
}

/** Every month of a claim with its amount, and the runs of equal months (docs/RULES.md 15.9). */
export function unemploymentSchedule(
  input: Omit<UnemploymentMonthlyInput, 'monthNo'> & { months: number },
): UnemploymentSchedule {
  const count = requireCount(input.months, 'months');
  const months = Array.from({ length: count }, (_, index) => {
    const { amountFen, band } = unemploymentMonthlyAmount({ ...input, monthNo: index + 1 });
    return { monthNo: index + 1, amountFen, band };
  });
  const bands: UnemploymentSchedule['bands'] = [];
  for (const month of months) {
    const last = bands.at(-1);
    if (last && last.band === month.band && last.amountFen === month.amountFen) last.toMonth = month.monthNo;
    else
      bands.push({
        fromMonth: month.monthNo,
        toMonth: month.monthNo,
        amountFen: month.amountFen,
        band: month.band,
      });
  }
  return { months, bands, totalFen: months.reduce((sum, month) => sum + month.amountFen, 0) };
}
