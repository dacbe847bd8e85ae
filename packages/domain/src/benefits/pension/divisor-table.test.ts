import { describe, expect, it } from 'vitest';
import { NATIONAL_DIVISORS, NATIONAL_DIVISORS_SOURCE, RESIDENTS_ACCOUNT_DIVISOR } from './divisor-table.ts';

describe('NATIONAL_DIVISORS (GF-2005-38 annex)', () => {
  it('covers ages 40–70 and falls strictly with age', () => {
    const ages = Object.keys(NATIONAL_DIVISORS).map(Number);
    expect(ages).toEqual(Array.from({ length: 31 }, (_, i) => 40 + i));
    for (let age = 41; age <= 70; age += 1)
      expect(NATIONAL_DIVISORS[age]!).toBeLessThan(NATIONAL_DIVISORS[age - 1]!);
  });

  it('has the documented anchor values', () => {
    expect(NATIONAL_DIVISORS[40]).toBe(233);
    expect(NATIONAL_DIVISORS[47]).toBe(208);
    expect(NATIONAL_DIVISORS[50]).toBe(195);
    expect(NATIONAL_DIVISORS[55]).toBe(170);
    expect(NATIONAL_DIVISORS[60]).toBe(139);
    expect(NATIONAL_DIVISORS[70]).toBe(56);
    expect(NATIONAL_DIVISORS_SOURCE).toBe('GF-2005-38 annex');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(NATIONAL_DIVISORS)).toBe(true);
  });

  it('the residents scheme always divides by 139', () => {
    expect(RESIDENTS_ACCOUNT_DIVISOR).toBe(139);
  });
});
