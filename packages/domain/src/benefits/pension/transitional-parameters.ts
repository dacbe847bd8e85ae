import { formatPpmAsPercent } from '../../money/index.ts';
import { formatMonthsAsYears } from '../../money/index.ts';
import { requireCount } from './require-count.ts';
import type { TransitionalContext } from './transitional-scheme.ts';

/** Reads a parameter a scheme needs, naming the field when it is missing or not a whole number. */
export function requireTransitionalParameter(
  context: TransitionalContext,
  key: 'deemedMonths' | 'coefficientPpm' | 'deemedIndexPpm',
): number {
  const value = context[key];
  if (value === undefined) {
    throw new RangeError(`transitional.${key}: required by the "${context.scheme}" scheme`);
  }
  return requireCount(value, `transitional.${key}`);
}

/** The parts every scheme's explanation shares. */
export function describeDeemedService(deemedMonths: number, coefficientPpm: number): Record<string, string> {
  return {
    deemedMonths: `${deemedMonths} months (${formatMonthsAsYears(deemedMonths)} years)`,
    coefficient: formatPpmAsPercent(coefficientPpm),
  };
}
