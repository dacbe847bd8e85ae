import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from './allocate.ts';
import { formatFenAsYuan, formatPpmAsPercent, parsePercentToPpm, parseYuanToFen } from './decimal-text.ts';
import { applyRate } from './rate.ts';
import { roundRatioSafe } from './round-number.ts';
import { ROUNDING_MODES, roundFen, roundRatio } from './rounding.ts';

describe('roundRatio', () => {
  it.each([
    ['half-up-fen', 12345n, 10n, 1235],
    ['half-up-fen', 12344n, 10n, 1234],
    ['half-up-fen', -12345n, 10n, -1235],
    ['half-up-jiao', 1235n, 1n, 1240],
    ['half-up-jiao', 1234n, 1n, 1230],
    ['half-up-yuan', 1250n, 1n, 1300],
    ['half-up-yuan', 1249n, 1n, 1200],
    ['up-fen', 12341n, 10n, 1235],
    ['up-jiao', 1231n, 1n, 1240],
    ['up-jiao', 1230n, 1n, 1230],
    ['up-yuan', 1201n, 1n, 1300],
    ['truncate-fen', 12349n, 10n, 1234],
    ['truncate-jiao', 1239n, 1n, 1230],
    ['truncate-yuan', 1299n, 1n, 1200],
    ['truncate-yuan', -1299n, 1n, -1200],
  ] as const)('%s rounds %d/%d to %d', (mode, numerator, denominator, expected) => {
    expect(roundRatio(numerator, denominator, mode)).toBe(expected);
  });

  it('rounds to a multiple of the unit and never moves more than one unit', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.constantFrom(...ROUNDING_MODES),
        (numerator, denominator, mode) => {
          const rounded = roundRatio(numerator, denominator, mode);
          const unit = mode.endsWith('yuan') ? 100 : mode.endsWith('jiao') ? 10 : 1;
          expect(Math.abs(rounded % unit)).toBe(0);
          // |rounded − exact| < unit, checked exactly: |rounded·den − num| < unit·den
          const gap = BigInt(rounded) * denominator - numerator;
          expect(gap < 0n ? -gap : gap).toBeLessThan(BigInt(unit) * denominator);
          if (mode.startsWith('up'))
            expect(Math.abs(rounded) * Number(denominator) >= Math.abs(Number(numerator))).toBe(true);
          if (mode.startsWith('truncate')) expect(gap * (numerator < 0n ? -1n : 1n) <= 0n).toBe(true);
        },
      ),
    );
  });

  it('is symmetric around zero', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.constantFrom(...ROUNDING_MODES),
        (value, mode) => {
          expect(roundRatio(-value, 7n, mode)).toBe(0 - roundRatio(value, 7n, mode));
        },
      ),
    );
  });

  it('refuses a zero denominator', () => {
    expect(() => roundRatio(1n, 0n, 'half-up-fen')).toThrow(/denominator/);
  });
});

describe('applyRate and roundFen', () => {
  it('computes base × rate once', () => {
    expect(applyRate(2_000_000, 80_000, 'half-up-fen')).toBe(160_000);
    expect(applyRate(1_000_100, 80_000, 'up-jiao')).toBe(80_010);
    expect(roundFen(1_000_140, 'half-up-yuan')).toBe(1_000_100);
  });
});

describe('allocate', () => {
  it('hands out the remainder so the parts add up to the whole', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(5, [0, 1])).toEqual([0, 5]);
  });

  it('always sums to the whole and stays within one fen of the exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc
          .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 })
          .filter((weights) => weights.some((w) => w > 0)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((sum, part) => sum + part, 0)).toBe(total);
          const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
          parts.forEach((part, index) =>
            expect(Math.abs(part - (total * weights[index]!) / weightSum)).toBeLessThan(1),
          );
        },
      ),
    );
  });

  it('refuses empty, negative or all-zero weights', () => {
    expect(() => allocate(1, [])).toThrow();
    expect(() => allocate(1, [-1, 2])).toThrow();
    expect(() => allocate(1, [0, 0])).toThrow();
  });
});

describe('decimal text', () => {
  it('parses without floats and refuses excess precision', () => {
    expect(parseYuanToFen('20000')).toBe(2_000_000);
    expect(parseYuanToFen('4053.6')).toBe(405_360);
    expect(parseYuanToFen('0.07')).toBe(7);
    expect(parsePercentToPpm('9.8')).toBe(98_000);
    expect(() => parseYuanToFen('1.234', 'wage')).toThrow('wage: "1.234" has more than 2 decimal places');
    expect(() => parseYuanToFen('abc', 'wage')).toThrow(/not a decimal/);
  });

  it('formats and round-trips', () => {
    expect(formatFenAsYuan(40_300)).toBe('403.00');
    expect(formatFenAsYuan(-5)).toBe('-0.05');
    expect(formatPpmAsPercent(98_000)).toBe('9.8%');
    expect(formatPpmAsPercent(160_000)).toBe('16%');
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(parseYuanToFen(formatFenAsYuan(fen))).toBe(fen);
      }),
    );
  });
});

describe('roundRatioSafe', () => {
  it('agrees with the BigInt rounding everywhere', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: 10 ** 12 }),
        fc.constantFrom(...ROUNDING_MODES),
        (numerator, denominator, mode) => {
          expect(roundRatioSafe(numerator, denominator, mode)).toBe(
            roundRatio(BigInt(numerator), BigInt(denominator), mode),
          );
        },
      ),
    );
  });
});
