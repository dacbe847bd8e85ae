import { formatFenAsYuan, type Fen, type Ppm } from '../../money/index.ts';
import { formatMonthsAsYears, formatPpmAsFactor } from '../../money/index.ts';
import type { PensionPartDraft } from './pension-part.ts';

/**
 * 基础养老金 (GF-2005-38): C × (1 + I) / 2 × N × 1%, N = months / 12. One exact fraction in fen:
 * C × (10^6 + I_ppm) × months / (10^6 × 2 × 12 × 100).
 */
export function draftBasicPart(
  calcBaseFen: Fen,
  averageIndexPpm: Ppm,
  contributionMonths: number,
): PensionPartDraft {
  const base = formatFenAsYuan(calcBaseFen);
  const index = formatPpmAsFactor(averageIndexPpm);
  const years = formatMonthsAsYears(contributionMonths);
  return {
    numerator: BigInt(calcBaseFen) * (1_000_000n + BigInt(averageIndexPpm)) * BigInt(contributionMonths),
    denominator: 1_000_000n * 2n * 12n * 100n,
    rule:
      'Basic pension (基础养老金) = C × (1 + I_avg) / 2 × N × 1%: the average of the calculation base and the ' +
      'indexed average wage, 1% for each contribution year (N = contribution months / 12, deemed years included).',
    terms: `${base} × (1 + ${index}) / 2 × ${years} × 1%`,
    inputs: {
      calcBase: `${base} yuan`,
      averageIndex: index,
      contributionMonths: `${contributionMonths} months (${years} years)`,
    },
    sources: ['GF-2005-38'],
  };
}
