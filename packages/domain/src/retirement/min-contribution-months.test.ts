import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultMinContributionMonths } from './min-contribution-months.ts';

describe('defaultMinContributionMonths (NPC-2024 annex)', () => {
  it.each([
    [2000, 180],
    [2029, 180],
    [2030, 186],
    [2031, 192],
    [2034, 210],
    [2038, 234],
    [2039, 240],
    [2060, 240],
  ])('%i -> %i months', (year, months) => {
    expect(defaultMinContributionMonths(year)).toBe(months);
  });

  it('never falls and stays within 15..20 years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1950, max: 2100 }), (year) => {
        const months = defaultMinContributionMonths(year);
        return months >= 180 && months <= 240 && defaultMinContributionMonths(year + 1) >= months;
      }),
    );
  });

  it('refuses a fractional year', () => {
    expect(() => defaultMinContributionMonths(2030.5)).toThrow(/year/);
  });
});
