import { roundRatio, type RoundingMode } from './rounding.ts';
import type { Fen } from './units.ts';

/** Fen per rounding unit, by the mode's last word. */
export function roundingUnitFen(mode: RoundingMode): number {
  return mode.endsWith('yuan') ? 100 : mode.endsWith('jiao') ? 10 : 1;
}

/**
 * roundRatio for safe non-negative integers without BigInt: the hot path of a monthly assessment.
 * Exact because % and the division of an exact multiple are exact on integers below 2^53; anything
 * larger (or negative) goes through the BigInt version.
 */
export function roundRatioSafe(numerator: number, denominator: number, mode: RoundingMode): Fen {
  if (numerator < 0 || !Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator)) {
    return roundRatio(BigInt(numerator), BigInt(denominator), mode);
  }
  const unitDenominator = denominator * roundingUnitFen(mode);
  if (!Number.isSafeInteger(unitDenominator)) return roundRatio(BigInt(numerator), BigInt(denominator), mode);
  const remainder = numerator % unitDenominator;
  let units = (numerator - remainder) / unitDenominator;
  if (remainder !== 0) {
    if (mode.startsWith('up')) units += 1;
    else if (mode.startsWith('half-up') && remainder * 2 >= unitDenominator) units += 1;
  }
  return units * roundingUnitFen(mode);
}
