import { describe, expect, it } from 'vitest';
import {
  formatExactDecimal,
  formatMonthsAsYears,
  formatPpmAsFactor,
  formatRatio,
  formatRoundedDecimal,
} from './format-decimal.ts';

describe('format-decimal', () => {
  it('writes terminating fractions exactly and others as fractions', () => {
    expect(formatExactDecimal(271n, 2n)).toBe('135.5');
    expect(formatExactDecimal(1n, 3n)).toBeUndefined();
    expect(formatExactDecimal(-5n, 4n)).toBe('-1.25');
    expect(formatRatio(1626n, 12n)).toBe('135.5');
    expect(formatRatio(1661n, 12n)).toBe('1661/12 ≈ 138.42');
    expect(formatRoundedDecimal(2n, 3n, 2)).toBe('0.67');
    expect(formatRoundedDecimal(1n, 200n, 2)).toBe('0.01');
  });

  it('writes indices and contribution years', () => {
    expect(formatPpmAsFactor(1_200_000)).toBe('1.2');
    expect(formatPpmAsFactor(600_000)).toBe('0.6');
    expect(formatPpmAsFactor(1_234_567)).toBe('1.234567');
    expect(formatMonthsAsYears(366)).toBe('30.5');
    expect(formatMonthsAsYears(183)).toBe('15.25');
    expect(formatMonthsAsYears(365)).toBe('365/12');
  });
});
