import { roundRatio } from './rounding.ts';

/**
 * Display helpers for exact rationals in explanations. They only write text; amounts are computed
 * and rounded elsewhere, once.
 */

/** numerator/denominator as a terminating decimal of at most maxDecimals places, or undefined if it is not one. */
export function formatExactDecimal(
  numerator: bigint,
  denominator: bigint,
  maxDecimals = 6,
): string | undefined {
  let scale = 1n;
  for (let places = 0; places <= maxDecimals; places += 1, scale *= 10n) {
    if ((numerator * scale) % denominator === 0n)
      return writeScaled((numerator * scale) / denominator, places);
  }
  return undefined;
}

/** numerator/denominator rounded half-up to exactly `decimals` places. */
export function formatRoundedDecimal(numerator: bigint, denominator: bigint, decimals: number): string {
  const scaled = roundRatio(numerator * 10n ** BigInt(decimals), denominator, 'half-up-fen');
  return writeScaled(BigInt(scaled), decimals);
}

/** 271/2 -> "135.5"; 1661/12 -> "1661/12" (lowest terms): exact text for formulas. */
export function formatExactRatio(numerator: bigint, denominator: bigint): string {
  const exact = formatExactDecimal(numerator, denominator);
  if (exact !== undefined) return exact;
  const divisor = greatestCommonDivisor(numerator, denominator);
  return `${numerator / divisor}/${denominator / divisor}`;
}

/** 271/2 -> "135.5"; 1661/12 -> "1661/12 ≈ 138.42": exact text plus a readable value when it is a fraction. */
export function formatRatio(numerator: bigint, denominator: bigint): string {
  const exact = formatExactRatio(numerator, denominator);
  return exact.includes('/') ? `${exact} ≈ ${formatRoundedDecimal(numerator, denominator, 2)}` : exact;
}

/** 1200000 ppm -> "1.2" (a factor, not a percent: the average contribution index). */
export function formatPpmAsFactor(valuePpm: number): string {
  return formatExactDecimal(BigInt(valuePpm), 1_000_000n)!;
}

/** 366 -> "30.5"; 365 -> "365/12": contribution years are months / 12, shown without hiding a rounding. */
export function formatMonthsAsYears(months: number): string {
  return formatExactDecimal(BigInt(months), 12n, 2) ?? `${months}/12`;
}

export function greatestCommonDivisor(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

function writeScaled(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`;
}
