import type { Fen, Ppm } from './units.ts';

/**
 * Parses decimal text into an integer count of 10^-scale units without touching binary floats.
 * "20000" with scale 2 -> 2000000; "9.8" with scale 4 -> 98000. More digits than the scale allows is an error,
 * never a silent rounding.
 */
export function parseScaledDecimal(text: string, scale: number, field: string): number {
  const trimmed = text.trim();
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(trimmed);
  if (!match) throw new RangeError(`${field}: "${text}" is not a decimal number`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > scale) {
    throw new RangeError(`${field}: "${text}" has more than ${scale} decimal places`);
  }
  const digits = `${whole}${fraction.padEnd(scale, '0')}`;
  const value = Number(BigInt(digits));
  if (!Number.isSafeInteger(value)) throw new RangeError(`${field}: "${text}" is too large`);
  return sign === '-' ? -value : value;
}

/** "20000.5" yuan -> 2000050 fen. */
export function parseYuanToFen(text: string, field = 'amount'): Fen {
  return parseScaledDecimal(text, 2, field);
}

/** "9.8" percent -> 98000 ppm. */
export function parsePercentToPpm(text: string, field = 'rate'): Ppm {
  return parseScaledDecimal(text, 4, field);
}

/** 2000050 fen -> "20000.50". */
export function formatFenAsYuan(amountFen: Fen): string {
  const sign = amountFen < 0 ? '-' : '';
  const abs = Math.abs(amountFen);
  const yuan = Math.trunc(abs / 100);
  const fen = abs % 100;
  return `${sign}${yuan}.${String(fen).padStart(2, '0')}`;
}

/** 98000 ppm -> "9.8%". */
export function formatPpmAsPercent(ratePpm: Ppm): string {
  const whole = Math.trunc(ratePpm / 10_000);
  const fraction = String(ratePpm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}
