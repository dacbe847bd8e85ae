import { formatFenAsYuan, formatPpmAsPercent } from '../../money/index.ts';
import { formatMonthsAsYears, formatPpmAsFactor } from '../../money/index.ts';
import { describeDeemedService, requireTransitionalParameter } from './transitional-parameters.ts';
import type { TransitionalScheme } from './transitional-scheme.ts';

/** "Sichuan-style" (C + C × I_avg) / 2 × N_deemed × k (docs/RULES.md 4.6; provincial, parameters unconfirmed). */
export const sichuanTransitionalScheme: TransitionalScheme = {
  name: 'sichuan',
  description: 'Sichuan-style: (C + C × I_avg) / 2 × N_deemed × k',
  draftTransitionalPension(context) {
    const deemedMonths = requireTransitionalParameter(context, 'deemedMonths');
    const coefficientPpm = requireTransitionalParameter(context, 'coefficientPpm');
    const base = formatFenAsYuan(context.calcBaseFen);
    return {
      // C × (1 + I/10^6) / 2 × (months/12) × (k/10^6), one exact fraction.
      numerator:
        BigInt(context.calcBaseFen) *
        (1_000_000n + BigInt(context.averageIndexPpm)) *
        BigInt(deemedMonths) *
        BigInt(coefficientPpm),
      denominator: 1_000_000n * 2n * 12n * 1_000_000n,
      rule:
        'Transitional pension (过渡性养老金), Sichuan-style: average of the calculation base and the indexed ' +
        'average wage × deemed contribution years × provincial coefficient.',
      terms:
        `(${base} + ${base} × ${formatPpmAsFactor(context.averageIndexPpm)}) / 2 × ` +
        `${formatMonthsAsYears(deemedMonths)} × ${formatPpmAsPercent(coefficientPpm)}`,
      inputs: {
        calcBase: `${base} yuan`,
        averageIndex: formatPpmAsFactor(context.averageIndexPpm),
        ...describeDeemedService(deemedMonths, coefficientPpm),
      },
      sources: ['GF-2005-38', 'Sichuan provincial transitional-pension rule'],
    };
  },
};
