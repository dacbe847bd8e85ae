/**
 * Money is integer fen (1 yuan = 100 fen); rates are integer parts per million (16% = 160000).
 * These aliases document intent; the guards below enforce it at the edges.
 */
export type Fen = number;
export type Ppm = number;

export const FEN_PER_YUAN = 100;
export const PPM_PER_UNIT = 1_000_000;

export function assertFen(value: number, field = 'amountFen'): Fen {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${field}: must be a whole number of fen, got ${value}`);
  }
  return value;
}

export function assertPpm(value: number, field = 'ratePpm'): Ppm {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${field}: must be a non-negative whole number of parts per million, got ${value}`);
  }
  return value;
}
