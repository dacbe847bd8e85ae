import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, indexToPeriod, periodToIndex } from '../time/index.ts';
import { calculateRetirement } from './calculate-retirement.ts';
import { RETIREMENT_GROUPS, RETIREMENT_SCHEDULES, type RetirementGroup } from './retirement-groups.ts';

const years = (y: number, m = 0) => y * 12 + m;

describe('calculateRetirement: worked examples (docs/RULES.md 4.10)', () => {
  it('man born 1965-01 retires at 60y1m in 2025-02', () => {
    const result = calculateRetirement({ birthMonth: '1965-01', group: 'male' });
    expect(result.delayMonths).toBe(1);
    expect(result.retirementAgeMonths).toBe(years(60, 1));
    expect(result.retirementMonth).toBe('2025-02');
    expect(result.explanation.sources).toEqual(['NPC-2024', 'FLEX-RET']);
    expect(result.explanation.formula).toContain('60 years 1 month');
  });

  it('man born 1976-09 retires at 63 in 2039-09', () => {
    const result = calculateRetirement({ birthMonth: '1976-09', group: 'male' });
    expect(result.delayMonths).toBe(36);
    expect(result.retirementAgeMonths).toBe(years(63));
    expect(result.retirementMonth).toBe('2039-09');
    expect(result.minContributionMonths).toBe(240);
    expect(result.minContributionYears).toBe(20);
  });

  it('woman (original 50) born 1975-03 retires at 50y2m in 2025-05', () => {
    const result = calculateRetirement({ birthMonth: '1975-03', group: 'female-50' });
    expect(result.retirementAgeMonths).toBe(years(50, 2));
    expect(result.retirementMonth).toBe('2025-05');
  });
});

describe('calculateRetirement: anchors and boundaries', () => {
  it.each<[RetirementGroup, string, number, string]>([
    ['male', '1964-12', years(60), '2024-12'],
    ['female-55', '1969-12', years(55), '2024-12'],
    ['female-50', '1974-12', years(50), '2024-12'],
  ])('%s born %s (last month before the anchor) keeps the original age', (group, birthMonth, age, month) => {
    const result = calculateRetirement({ birthMonth, group });
    expect(result.delayMonths).toBe(0);
    expect(result.retirementAgeMonths).toBe(age);
    expect(result.retirementMonth).toBe(month);
    // Retirement before 2025-01: no flexible window.
    expect(result.earliestMonth).toBe(month);
    expect(result.latestMonth).toBe(month);
    expect(result.earliestAgeMonths).toBe(age);
    expect(result.latestAgeMonths).toBe(age);
    expect(result.explanation.formula).toContain('no flexible retirement');
  });

  it.each<[RetirementGroup, string, string, number]>([
    ['male', '1965-01', '1976-08', 35],
    ['female-55', '1970-01', '1981-08', 35],
    ['female-50', '1975-01', '1984-10', 59],
  ])(
    '%s: first month at the anchor gets 1 month; month before max delay gets max − 1',
    (group, anchor, beforeMax, delay) => {
      expect(calculateRetirement({ birthMonth: anchor, group }).delayMonths).toBe(1);
      expect(calculateRetirement({ birthMonth: beforeMax, group }).delayMonths).toBe(delay);
    },
  );

  it.each<[RetirementGroup, string, number, string]>([
    ['male', '1976-09', years(63), '2039-09'],
    ['female-55', '1981-09', years(58), '2039-09'],
    ['female-50', '1984-11', years(55), '2039-11'],
  ])('%s born %s is the first with the full delay', (group, birthMonth, age, month) => {
    const result = calculateRetirement({ birthMonth, group });
    expect(result.delayMonths).toBe(RETIREMENT_SCHEDULES[group].maxDelayMonths);
    expect(result.retirementAgeMonths).toBe(age);
    expect(result.retirementMonth).toBe(month);
    expect(calculateRetirement({ birthMonth: addMonths(birthMonth, 120), group }).retirementAgeMonths).toBe(
      age,
    );
  });

  it('steps: men get one more month every 4 birth months', () => {
    const delays = ['1965-01', '1965-04', '1965-05', '1965-08', '1965-09'].map(
      (birthMonth) => calculateRetirement({ birthMonth, group: 'male' }).delayMonths,
    );
    expect(delays).toEqual([1, 1, 2, 2, 3]);
  });

  it('steps: women (original 50) get one more month every 2 birth months', () => {
    const delays = ['1975-01', '1975-02', '1975-03', '1975-04', '1975-05'].map(
      (birthMonth) => calculateRetirement({ birthMonth, group: 'female-50' }).delayMonths,
    );
    expect(delays).toEqual([1, 1, 2, 2, 3]);
  });

  it('female-55 born 1970-01 retires at 55y1m in 2025-02', () => {
    const result = calculateRetirement({ birthMonth: '1970-01', group: 'female-55' });
    expect(result.retirementAgeMonths).toBe(years(55, 1));
    expect(result.retirementMonth).toBe('2025-02');
  });
});

describe('calculateRetirement: flexible window', () => {
  it('earliest is clamped at the original age while the delay is under 36 months', () => {
    const result = calculateRetirement({ birthMonth: '1965-01', group: 'male' });
    expect(result.earliestAgeMonths).toBe(years(60));
    expect(result.earliestMonth).toBe('2025-01');
    expect(result.latestAgeMonths).toBe(years(63, 1));
    expect(result.latestMonth).toBe('2028-02');
  });

  it('earliest is statutory − 36 months once the delay reaches 36 months', () => {
    const result = calculateRetirement({ birthMonth: '1976-09', group: 'male' });
    expect(result.earliestAgeMonths).toBe(years(60));
    expect(result.earliestMonth).toBe('2036-09');
    expect(result.latestMonth).toBe('2042-09');
  });

  it('women (original 50) with the full 60-month delay can go 36 months early, not to 50', () => {
    const result = calculateRetirement({ birthMonth: '1984-11', group: 'female-50' });
    expect(result.earliestAgeMonths).toBe(years(52));
    expect(result.earliestMonth).toBe('2036-11');
    expect(result.latestAgeMonths).toBe(years(58));
  });

  it('female-50 born 1980-01 (delay 31) is clamped at 50', () => {
    const result = calculateRetirement({ birthMonth: '1980-01', group: 'female-50' });
    expect(result.delayMonths).toBe(31);
    expect(result.earliestAgeMonths).toBe(years(50));
    expect(calculateRetirement({ birthMonth: '1981-01', group: 'female-50' }).earliestAgeMonths).toBe(
      years(50, 1),
    );
  });
});

describe('calculateRetirement: minimum contribution years', () => {
  it('uses the year of the statutory retirement month', () => {
    expect(calculateRetirement({ birthMonth: '1965-01', group: 'male' }).minContributionMonths).toBe(180);
    // Born 1968-12: delay floor(47/4)+1 = 12 -> 61y -> 2029-12, still 15 years.
    const late2029 = calculateRetirement({ birthMonth: '1968-12', group: 'male' });
    expect(late2029.retirementMonth).toBe('2029-12');
    expect(late2029.minContributionMonths).toBe(180);
    // Born 1969-01: delay 13 -> 61y1m -> 2030-02 (nobody in this group retires in 2030-01).
    const in2030 = calculateRetirement({ birthMonth: '1969-01', group: 'male' });
    expect(in2030.retirementMonth).toBe('2030-02');
    expect(in2030.minContributionMonths).toBe(186);
    expect(in2030.minContributionYears).toBe(15.5);
  });

  it('takes a caller-supplied table', () => {
    const result = calculateRetirement({
      birthMonth: '1965-01',
      group: 'male',
      minContributionMonthsByYear: (year) => (year === 2025 ? 200 : 0),
    });
    expect(result.minContributionMonths).toBe(200);
    expect(result.explanation.formula).toContain('200 months');
  });

  it('refuses a caller-supplied table that returns nonsense', () => {
    expect(() =>
      calculateRetirement({ birthMonth: '1965-01', group: 'male', minContributionMonthsByYear: () => 15.5 }),
    ).toThrow(/minContributionMonthsByYear/);
  });
});

describe('calculateRetirement: bad input', () => {
  it('names the field', () => {
    expect(() => calculateRetirement({ birthMonth: '1965-13', group: 'male' })).toThrow(/birthMonth/);
    expect(() => calculateRetirement({ birthMonth: '1965-1', group: 'male' })).toThrow(/birthMonth/);
    expect(() => calculateRetirement({ birthMonth: '1965-01', group: 'female' as RetirementGroup })).toThrow(
      /group/,
    );
  });
});

describe('calculateRetirement: properties', () => {
  const birthIndex = fc.integer({ min: periodToIndex('1940-01'), max: periodToIndex('2010-12') });
  const group = fc.constantFrom(...RETIREMENT_GROUPS);

  it('retirement age never decreases with a later birth month', () => {
    fc.assert(
      fc.property(group, birthIndex, fc.integer({ min: 1, max: 240 }), (g, index, later) => {
        const a = calculateRetirement({ birthMonth: indexToPeriod(index), group: g });
        const b = calculateRetirement({ birthMonth: indexToPeriod(index + later), group: g });
        return b.retirementAgeMonths >= a.retirementAgeMonths && b.retirementMonth > a.retirementMonth;
      }),
    );
  });

  it('delay stays within 0..max, and is 0 exactly for retirements before 2025-01', () => {
    fc.assert(
      fc.property(group, birthIndex, (g, index) => {
        const result = calculateRetirement({ birthMonth: indexToPeriod(index), group: g });
        const { maxDelayMonths } = RETIREMENT_SCHEDULES[g];
        return (
          result.delayMonths >= 0 &&
          result.delayMonths <= maxDelayMonths &&
          result.retirementMonth < '2025-01' === (result.delayMonths === 0)
        );
      }),
    );
  });

  it('the flexible window contains the statutory month and never goes below the original age', () => {
    fc.assert(
      fc.property(group, birthIndex, (g, index) => {
        const result = calculateRetirement({ birthMonth: indexToPeriod(index), group: g });
        return (
          result.earliestAgeMonths >= result.originalAgeMonths &&
          result.earliestAgeMonths <= result.retirementAgeMonths &&
          result.latestAgeMonths >= result.retirementAgeMonths &&
          result.latestAgeMonths - result.retirementAgeMonths <= 36 &&
          result.retirementAgeMonths - result.earliestAgeMonths <= 36
        );
      }),
    );
  });
});
