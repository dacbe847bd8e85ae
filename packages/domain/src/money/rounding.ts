import type { Fen } from './units.ts';

/**
 * Rounding modes seen in Chinese payroll and agency systems (docs/RULES.md 2.2).
 * "half-up" rounds halves away from zero (四舍五入); "up" rounds any remainder away from zero
 * (见厘进分 / 见分进角 / 见角进元); "truncate" drops the remainder (舍去).
 */
export const ROUNDING_MODES = [
  'half-up-fen',
  'half-up-jiao',
  'half-up-yuan',
  'up-fen',
  'up-jiao',
  'up-yuan',
  'truncate-fen',
  'truncate-jiao',
  'truncate-yuan',
] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export const DEFAULT_ROUNDING_MODE: RoundingMode = 'half-up-fen';

const UNIT_FEN: Record<string, bigint> = { fen: 1n, jiao: 10n, yuan: 100n };

export const ROUNDING_MODE_LABELS: Record<RoundingMode, string> = {
  'half-up-fen': '四舍五入到分 (half-up to the fen)',
  'half-up-jiao': '四舍五入到角 (half-up to the jiao)',
  'half-up-yuan': '四舍五入到元 (half-up to the yuan)',
  'up-fen': '见厘进分 (up to the fen)',
  'up-jiao': '见分进角 (up to the jiao)',
  'up-yuan': '见角进元 (up to the yuan)',
  'truncate-fen': '舍去厘 (truncate to the fen)',
  'truncate-jiao': '舍去分 (truncate to the jiao)',
  'truncate-yuan': '舍去角分 (truncate to the yuan)',
};

export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === 'string' && (ROUNDING_MODES as readonly string[]).includes(value);
}

/**
 * Rounds the exact rational amount numerator/denominator (in fen) to a whole fen amount that is a
 * multiple of the mode's unit. All money arithmetic goes through here, once, at the end.
 */
export function roundRatio(numerator: bigint, denominator: bigint, mode: RoundingMode): Fen {
  if (denominator === 0n) throw new RangeError('roundRatio: denominator is zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const [kind, unitName] = splitMode(mode);
  const unit = UNIT_FEN[unitName]!;
  const scaledDenominator = denominator * unit;
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let units = magnitude / scaledDenominator;
  const remainder = magnitude % scaledDenominator;
  if (remainder !== 0n) {
    if (kind === 'up') units += 1n;
    else if (kind === 'half-up' && remainder * 2n >= scaledDenominator) units += 1n;
  }
  const result = Number(units * unit);
  return negative && result !== 0 ? -result : result;
}

/** Rounds a whole fen amount to the mode's unit (for modes coarser than the fen). */
export function roundFen(amountFen: Fen, mode: RoundingMode): Fen {
  return roundRatio(BigInt(amountFen), 1n, mode);
}

function splitMode(mode: RoundingMode): ['half-up' | 'up' | 'truncate', string] {
  const cut = mode.lastIndexOf('-');
  return [mode.slice(0, cut) as 'half-up' | 'up' | 'truncate', mode.slice(cut + 1)];
}
