import type { Explanation } from '../explain/index.ts';
import { formatFenAsYuan, formatPpmAsPercent, roundRatio, type Fen, type Ppm } from '../money/index.ts';

/** How contributions paid during the year earn interest in that year (docs/RULES.md 3.4). */
export type InYearMethod = { name: 'half-year-factor'; factorPpm: Ppm } | { name: 'none' };

export interface AccountInterestInput {
  /** Balance at the end of the previous year, interest included. */
  openingFen: Fen;
  /** Contributions credited during the year. */
  contributionsFen: Fen;
  /** The year's crediting rate (记账利率). */
  ratePpm: Ppm;
  method: InYearMethod;
}

/**
 * Yearly interest of a pension personal account: opening × r + contributions × r × factor / 2, the widely used
 * provincial convention with factor 1.083 approximating monthly contributions through the year; or no
 * in-year interest under the 'none' method. One exact fraction, rounded half-up to the fen.
 */
export function calculateAccountInterest(input: AccountInterestInput): {
  interestFen: Fen;
  explanation: Explanation;
} {
  const rate = BigInt(input.ratePpm);
  const million = 1_000_000n;
  // opening × r / 10^6 + contributions × r × factor / (2 × 10^12), over a common denominator
  const inYear =
    input.method.name === 'half-year-factor'
      ? BigInt(input.contributionsFen) * rate * BigInt(input.method.factorPpm)
      : 0n;
  const numerator = BigInt(input.openingFen) * rate * million * 2n + inYear;
  const interestFen = roundRatio(numerator, million * million * 2n, 'half-up-fen');
  const inYearText =
    input.method.name === 'half-year-factor'
      ? ` + ${formatFenAsYuan(input.contributionsFen)} × ${formatPpmAsPercent(input.ratePpm)} × ${input.method.factorPpm / 1_000_000} / 2`
      : '';
  return {
    interestFen,
    explanation: {
      rule:
        input.method.name === 'half-year-factor'
          ? 'interest = opening balance × rate + contributions of the year × rate × factor / 2, half-up to the fen'
          : 'interest = opening balance × rate (contributions of the year earn nothing until next year), half-up to the fen',
      formula: `${formatFenAsYuan(input.openingFen)} × ${formatPpmAsPercent(input.ratePpm)}${inYearText} = ${formatFenAsYuan(interestFen)}`,
      inputs: {
        opening: formatFenAsYuan(input.openingFen),
        contributions: formatFenAsYuan(input.contributionsFen),
        rate: formatPpmAsPercent(input.ratePpm),
        method: input.method.name,
      },
      sources: [
        'SIL Art. 14 (interest not below bank deposit rate)',
        'national crediting rate notice (记账利率)',
      ],
    },
  };
}
