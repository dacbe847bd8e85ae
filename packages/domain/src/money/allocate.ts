import type { Fen } from './units.ts';

/**
 * Splits a whole amount into parts proportional to the weights so that the parts always add up to the
 * whole (largest-remainder method). Ties go to the earlier part, so the result is deterministic.
 */
export function allocate(totalFen: Fen, weights: readonly (number | bigint)[]): Fen[] {
  if (!Number.isSafeInteger(totalFen)) throw new RangeError(`allocate: total ${totalFen} is not whole fen`);
  if (weights.length === 0) throw new RangeError('allocate: no weights given');
  const big = weights.map((weight) => {
    const value = BigInt(weight);
    if (value < 0n) throw new RangeError('allocate: weights must not be negative');
    return value;
  });
  const weightSum = big.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) throw new RangeError('allocate: weights sum to zero');

  const negative = totalFen < 0;
  const total = BigInt(Math.abs(totalFen));
  const parts = big.map((weight) => (total * weight) / weightSum);
  const remainders = big.map((weight, index) => ({ index, remainder: (total * weight) % weightSum }));
  let left = total - parts.reduce((sum, part) => sum + part, 0n);
  remainders.sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index]! += 1n;
    left -= 1n;
  }
  return parts.map((part) => (negative && part !== 0n ? -Number(part) : Number(part)));
}
