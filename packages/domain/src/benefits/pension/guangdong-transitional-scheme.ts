import { formatFenAsYuan, formatPpmAsPercent } from '../../money/index.ts';
import { formatMonthsAsYears, formatPpmAsFactor } from '../../money/index.ts';
import { describeDeemedService, requireTransitionalParameter } from './transitional-parameters.ts';
import type { TransitionalScheme } from './transitional-scheme.ts';

/** "Guangdong-style" C × I_deemed × N_deemed × k (docs/RULES.md 4.6; provincial, parameters unconfirmed). */
export const guangdongTransitionalScheme: TransitionalScheme = {
  name: 'guangdong',
  description: 'Guangdong-style: C × I_deemed × N_deemed × k',
  draftTransitionalPension(context) {
    const deemedMonths = requireTransitionalParameter(context, 'deemedMonths');
    const coefficientPpm = requireTransitionalParameter(context, 'coefficientPpm');
    const deemedIndexPpm = requireTransitionalParameter(context, 'deemedIndexPpm');
    return {
      // C × (I/10^6) × (months/12) × (k/10^6), one exact fraction.
      numerator:
        BigInt(context.calcBaseFen) * BigInt(deemedIndexPpm) * BigInt(deemedMonths) * BigInt(coefficientPpm),
      denominator: 1_000_000n * 12n * 1_000_000n,
      rule:
        'Transitional pension (过渡性养老金), Guangdong-style: calculation base × deemed contribution index × ' +
        'deemed contribution years × provincial coefficient.',
      terms:
        `${formatFenAsYuan(context.calcBaseFen)} × ${formatPpmAsFactor(deemedIndexPpm)} × ` +
        `${formatMonthsAsYears(deemedMonths)} × ${formatPpmAsPercent(coefficientPpm)}`,
      inputs: {
        calcBase: `${formatFenAsYuan(context.calcBaseFen)} yuan`,
        deemedIndex: formatPpmAsFactor(deemedIndexPpm),
        ...describeDeemedService(deemedMonths, coefficientPpm),
      },
      sources: ['GF-2005-38', 'Guangdong provincial transitional-pension rule'],
    };
  },
};
