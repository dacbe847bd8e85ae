import { describe, expect, it } from 'vitest';
import { calculateAccountInterest } from './credit-account-interest.ts';

describe('calculateAccountInterest', () => {
  it('credits the opening balance a full year and contributions about half a year', () => {
    // 100000.00 × 2.62% = 2620.00; 12000.00 × 2.62% × 1.083 / 2 = 170.2476 -> 2790.25
    const result = calculateAccountInterest({
      openingFen: 10_000_000,
      contributionsFen: 1_200_000,
      ratePpm: 26_200,
      method: { name: 'half-year-factor', factorPpm: 1_083_000 },
    });
    expect(result.interestFen).toBe(279_025);
    expect(result.explanation.formula).toContain('= 2790.25');
  });

  it('gives contributions of the year nothing under the none method', () => {
    const result = calculateAccountInterest({
      openingFen: 10_000_000,
      contributionsFen: 1_200_000,
      ratePpm: 26_200,
      method: { name: 'none' },
    });
    expect(result.interestFen).toBe(262_000);
  });
});
