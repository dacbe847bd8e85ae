import { roundRatio, type RoundingMode } from './rounding.ts';
import { PPM_PER_UNIT, type Fen, type Ppm } from './units.ts';

/** baseFen × ratePpm / 10^6, rounded once with the given mode. */
export function applyRate(baseFen: Fen, ratePpm: Ppm, mode: RoundingMode): Fen {
  return roundRatio(BigInt(baseFen) * BigInt(ratePpm), BigInt(PPM_PER_UNIT), mode);
}

/** The product of two ppm factors, kept exact in ppm² and rounded half-up to ppm. */
export function multiplyPpm(a: Ppm, b: Ppm): Ppm {
  return roundRatio(BigInt(a) * BigInt(b), BigInt(PPM_PER_UNIT), 'half-up-fen');
}
