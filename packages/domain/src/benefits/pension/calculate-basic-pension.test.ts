import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUNDING_MODES } from '../../money/index.ts';
import { calculateBasicPension, type BasicPensionInput } from './calculate-basic-pension.ts';
import { NATIONAL_DIVISORS } from './divisor-table.ts';

// Beijing 2025 calculation base 12,049 yuan (docs/RULES.md 4.7), index 1.2, 30.5 years, 250,000 yuan at 60.
const beijing: BasicPensionInput = {
  calcBaseFen: 1_204_900,
  averageIndexPpm: 1_200_000,
  contributionMonths: 366,
  accountBalanceFen: 25_000_000,
  retirementAgeMonths: 60 * 12,
  divisors: NATIONAL_DIVISORS,
  rounding: 'half-up-fen',
};

describe('calculateBasicPension: basic part C × (1 + I) / 2 × N × 1%', () => {
  it('12049 × 2.2 / 2 × 30.5 × 1% = 4042.4395 -> 4042.44 half-up', () => {
    const result = calculateBasicPension(beijing);
    expect(result.basicFen).toBe(404_244);
    expect(result.explanation.basic.formula).toBe(
      '12049.00 × (1 + 1.2) / 2 × 30.5 × 1% = 4042.4395 → 4042.44',
    );
    expect(result.explanation.basic.inputs).toEqual({
      calcBase: '12049.00 yuan',
      averageIndex: '1.2',
      contributionMonths: '366 months (30.5 years)',
    });
    expect(result.explanation.basic.sources).toEqual(['GF-2005-38']);
    expect(result.explanation.basic.rule).toContain('half-up to the fen');
  });

  it('rounds once with the chosen mode', () => {
    expect(calculateBasicPension({ ...beijing, rounding: 'truncate-fen' }).basicFen).toBe(404_243);
    expect(calculateBasicPension({ ...beijing, rounding: 'up-jiao' }).basicFen).toBe(404_250);
    expect(calculateBasicPension({ ...beijing, rounding: 'half-up-yuan' }).basicFen).toBe(404_200);
  });

  it('keeps months that are not whole quarters exact: 15 years 1 month of 10000 at index 1.0', () => {
    // 10000 × 2 / 2 × 181/12 × 1% = 1508.3333... -> 1508.33
    const result = calculateBasicPension({
      ...beijing,
      calcBaseFen: 1_000_000,
      averageIndexPpm: 1_000_000,
      contributionMonths: 181,
    });
    expect(result.basicFen).toBe(150_833);
    expect(result.explanation.basic.formula).toBe(
      '10000.00 × (1 + 1) / 2 × 181/12 × 1% ≈ 1508.333333 → 1508.33',
    );
  });

  it('is zero without contribution months', () => {
    expect(calculateBasicPension({ ...beijing, contributionMonths: 0 }).basicFen).toBe(0);
  });
});

describe('calculateBasicPension: personal-account part B / D(age)', () => {
  it('250000 yuan at 60 -> 250000 / 139 = 1798.56', () => {
    const result = calculateBasicPension(beijing);
    expect(result.accountFen).toBe(179_856);
    expect(result.divisor).toBe(139);
    expect(result.divisorRatio).toEqual({ numerator: 139, denominator: 1 });
    expect(result.divisorPolicy).toBe('whole-years');
    expect(result.explanation.account.formula).toBe('250000.00 / 139 ≈ 1798.561151 → 1798.56');
    expect(result.explanation.account.sources).toEqual(['GF-2005-38', 'GF-2005-38 annex']);
  });

  it('whole-years takes the completed age: 60y11m -> 139, 47 -> 208', () => {
    expect(calculateBasicPension({ ...beijing, retirementAgeMonths: 60 * 12 + 11 }).divisor).toBe(139);
    expect(calculateBasicPension({ ...beijing, retirementAgeMonths: 47 * 12 }).divisor).toBe(208);
    expect(calculateBasicPension({ ...beijing, retirementAgeMonths: 63 * 12 }).divisor).toBe(117);
  });

  it('interpolate-months at 60y6m: (139 + 132) / 2 = 135.5', () => {
    const result = calculateBasicPension({
      ...beijing,
      retirementAgeMonths: 726,
      divisorPolicy: 'interpolate-months',
    });
    expect(result.divisor).toBe(135.5);
    expect(result.divisorRatio).toEqual({ numerator: 1626, denominator: 12 });
    // 250000 / 135.5 = 1845.0184... -> 1845.02
    expect(result.accountFen).toBe(184_502);
    expect(result.explanation.account.inputs.divisor).toBe(
      '135.5 months (D(60) + (D(61) − D(60)) × 6/12 = 139 + (132 − 139) × 6/12 = 135.5)',
    );
  });

  it('interpolate-months at 60y1m stays exact in twelfths: 1661/12', () => {
    const result = calculateBasicPension({
      ...beijing,
      retirementAgeMonths: 721,
      divisorPolicy: 'interpolate-months',
    });
    expect(result.divisorRatio).toEqual({ numerator: 1661, denominator: 12 });
    // 250000 × 12 / 1661 = 1806.1408... -> 1806.14
    expect(result.accountFen).toBe(180_614);
    expect(result.explanation.account.formula).toBe('250000.00 / (1661/12) ≈ 1806.140879 → 1806.14');
    expect(result.explanation.account.inputs.divisor).toContain('1661/12 ≈ 138.42');
  });

  it('interpolate-months at a whole age equals the table', () => {
    expect(
      calculateBasicPension({ ...beijing, retirementAgeMonths: 70 * 12, divisorPolicy: 'interpolate-months' })
        .divisor,
    ).toBe(56);
  });

  it('accepts a policy object and a caller table with its source', () => {
    const result = calculateBasicPension({
      ...beijing,
      divisors: { ...NATIONAL_DIVISORS, 47: 207 },
      divisorsSource: 'provincial table',
      retirementAgeMonths: 47 * 12,
      divisorPolicy: {
        name: 'fixed-139',
        description: 'residents-style fixed divisor',
        resolveDivisor: () => ({ divisor: { numerator: 139, denominator: 1 }, working: 'always 139' }),
      },
    });
    expect(result.divisor).toBe(139);
    expect(result.divisorPolicy).toBe('fixed-139');
    expect(result.explanation.account.sources).toEqual(['GF-2005-38', 'provincial table']);
    expect(
      calculateBasicPension({
        ...beijing,
        divisors: { ...NATIONAL_DIVISORS, 47: 207 },
        retirementAgeMonths: 564,
      }).divisor,
    ).toBe(207);
  });

  it('takes a table with string keys, as stored in JSON policy parameters', () => {
    const fromJson: Record<string, number> = JSON.parse(JSON.stringify(NATIONAL_DIVISORS));
    expect(calculateBasicPension({ ...beijing, divisors: fromJson }).accountFen).toBe(179_856);
  });

  it('ages outside the table name the field', () => {
    expect(() => calculateBasicPension({ ...beijing, retirementAgeMonths: 40 * 12 - 1 })).toThrow(
      /^retirementAgeMonths: 479 \(39 years 11 months\).*ages 40–70/,
    );
    expect(() => calculateBasicPension({ ...beijing, retirementAgeMonths: 71 * 12 })).toThrow(
      /retirementAgeMonths/,
    );
    expect(calculateBasicPension({ ...beijing, retirementAgeMonths: 70 * 12 + 11 }).divisor).toBe(56);
    expect(() =>
      calculateBasicPension({
        ...beijing,
        retirementAgeMonths: 70 * 12 + 1,
        divisorPolicy: 'interpolate-months',
      }),
    ).toThrow(/retirementAgeMonths.*age 71/);
  });
});

describe('calculateBasicPension: transitional part', () => {
  it('is zero with no scheme or the "none" scheme', () => {
    const result = calculateBasicPension(beijing);
    expect(result.transitionalFen).toBe(0);
    expect(result.explanation.transitional.formula).toBe('0 = 0.00');
    expect(calculateBasicPension({ ...beijing, transitional: { scheme: 'none' } }).transitionalFen).toBe(0);
  });

  it('guangdong: 9493 × 1.0 × 10 × 1.2% = 1139.16', () => {
    const result = calculateBasicPension({
      ...beijing,
      calcBaseFen: 949_300,
      transitional: {
        scheme: 'guangdong',
        deemedMonths: 120,
        coefficientPpm: 12_000,
        deemedIndexPpm: 1_000_000,
        source: '粤人社规〔2017〕x号',
      },
    });
    expect(result.transitionalFen).toBe(113_916);
    expect(result.explanation.transitional.formula).toBe('9493.00 × 1 × 10 × 1.2% = 1139.16');
    expect(result.explanation.transitional.inputs).toMatchObject({
      deemedMonths: '120 months (10 years)',
      coefficient: '1.2%',
    });
    expect(result.explanation.transitional.sources).toContain('粤人社规〔2017〕x号');
  });

  it('sichuan: (8462 + 8462 × 1.2) / 2 × 5 × 1.3% = 605.033 -> 605.03', () => {
    const result = calculateBasicPension({
      ...beijing,
      calcBaseFen: 846_200,
      transitional: { scheme: 'sichuan', deemedMonths: 60, coefficientPpm: 13_000 },
    });
    expect(result.transitionalFen).toBe(60_503);
    expect(result.explanation.transitional.formula).toBe(
      '(8462.00 + 8462.00 × 1.2) / 2 × 5 × 1.3% = 605.033 → 605.03',
    );
  });

  it('unknown schemes and missing parameters name the field', () => {
    expect(() => calculateBasicPension({ ...beijing, transitional: { scheme: 'atlantis' } })).toThrow(
      /^transitional\.scheme: unknown transitional-pension scheme "atlantis"; known: none, guangdong, sichuan/,
    );
    expect(() =>
      calculateBasicPension({
        ...beijing,
        transitional: { scheme: 'guangdong', deemedMonths: 12, coefficientPpm: 12_000 },
      }),
    ).toThrow(/transitional\.deemedIndexPpm/);
    expect(() =>
      calculateBasicPension({
        ...beijing,
        transitional: { scheme: 'sichuan', deemedMonths: 12.5, coefficientPpm: 12_000 },
      }),
    ).toThrow(/transitional\.deemedMonths/);
    expect(() =>
      calculateBasicPension({
        ...beijing,
        transitional: { scheme: 'sichuan', deemedMonths: 400, coefficientPpm: 12_000 },
      }),
    ).toThrow(/transitional\.deemedMonths: 400 exceeds contributionMonths 366/);
  });
});

describe('calculateBasicPension: total and inputs', () => {
  it('total is the sum of the rounded parts', () => {
    const result = calculateBasicPension({
      ...beijing,
      transitional: { scheme: 'sichuan', deemedMonths: 60, coefficientPpm: 13_000 },
    });
    // transitional: 12049 × 1.1 × 5 × 1.3% = 861.5035 -> 861.50
    expect(result.transitionalFen).toBe(86_150);
    expect(result.totalFen).toBe(404_244 + 179_856 + 86_150);
    expect(result.explanation.total.formula).toBe('4042.44 + 1798.56 + 861.50 = 6702.50');
    expect(result.explanation.total.sources).toEqual([
      'GF-2005-38',
      'GF-2005-38 annex',
      'Sichuan provincial transitional-pension rule',
    ]);
    expect(result.calcBaseFen).toBe(1_204_900);
  });

  it.each([
    ['calcBaseFen', { calcBaseFen: 1.5 }],
    ['averageIndexPpm', { averageIndexPpm: -1 }],
    ['contributionMonths', { contributionMonths: Number.NaN }],
    ['accountBalanceFen', { accountBalanceFen: -100 }],
    ['retirementAgeMonths', { retirementAgeMonths: 720.5 }],
    ['divisors', { divisors: {} }],
    ['divisors', { divisors: { 60: 0 } }],
    ['divisors', { divisors: { '60.5': 139 } }],
    ['rounding', { rounding: 'bankers' }],
    ['divisorPolicy', { divisorPolicy: 'floor-ish' }],
  ] as [string, Partial<BasicPensionInput>][])('bad %s is refused with the field named', (field, patch) => {
    expect(() => calculateBasicPension({ ...beijing, ...patch })).toThrow(new RegExp(`^${field}: `));
  });

  it('refuses a policy that returns a non-positive divisor', () => {
    expect(() =>
      calculateBasicPension({
        ...beijing,
        divisorPolicy: {
          name: 'broken',
          description: '',
          resolveDivisor: () => ({ divisor: { numerator: 0, denominator: 1 }, working: '' }),
        },
      }),
    ).toThrow(/^divisorPolicy: "broken"/);
  });
});

describe('calculateBasicPension: properties', () => {
  const rounding = fc.constantFrom(...ROUNDING_MODES);
  const base = fc.integer({ min: 0, max: 10_000_000 });
  const index = fc.integer({ min: 0, max: 5_000_000 });
  const months = fc.integer({ min: 0, max: 720 });
  const age = fc.integer({ min: 40 * 12, max: 70 * 12 });
  const policy = fc.constantFrom('whole-years', 'interpolate-months');

  it('more months never lower the basic part', () => {
    fc.assert(
      fc.property(base, index, months, fc.integer({ min: 1, max: 120 }), rounding, (c, i, n, extra, mode) => {
        const input = { ...beijing, calcBaseFen: c, averageIndexPpm: i, rounding: mode };
        const fewer = calculateBasicPension({ ...input, contributionMonths: n }).basicFen;
        const more = calculateBasicPension({ ...input, contributionMonths: n + extra }).basicFen;
        return more >= fewer;
      }),
    );
  });

  it('a higher index never lowers the basic part', () => {
    fc.assert(
      fc.property(
        base,
        index,
        months,
        fc.integer({ min: 1, max: 1_000_000 }),
        rounding,
        (c, i, n, extra, mode) => {
          const input = { ...beijing, calcBaseFen: c, contributionMonths: n, rounding: mode };
          const lower = calculateBasicPension({ ...input, averageIndexPpm: i }).basicFen;
          const higher = calculateBasicPension({ ...input, averageIndexPpm: i + extra }).basicFen;
          return higher >= lower;
        },
      ),
    );
  });

  it('a later retirement age never lowers the account part (the divisor falls with age)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        age,
        fc.integer({ min: 1, max: 24 }),
        policy,
        (b, a, later, p) => {
          fc.pre(a + later <= 70 * 12);
          const input = { ...beijing, accountBalanceFen: b, divisorPolicy: p };
          const earlier = calculateBasicPension({ ...input, retirementAgeMonths: a });
          const laterResult = calculateBasicPension({ ...input, retirementAgeMonths: a + later });
          return laterResult.divisor <= earlier.divisor && laterResult.accountFen >= earlier.accountFen;
        },
      ),
    );
  });

  it('interpolated divisors lie between their whole-year neighbours', () => {
    fc.assert(
      fc.property(age, (a) => {
        const years = Math.floor(a / 12);
        const { divisor } = calculateBasicPension({
          ...beijing,
          retirementAgeMonths: a,
          divisorPolicy: 'interpolate-months',
        });
        const low = NATIONAL_DIVISORS[Math.min(years + 1, 70)]!;
        return divisor <= NATIONAL_DIVISORS[years]! && divisor >= low;
      }),
    );
  });

  it('the total is the sum of the parts, and truncate ≤ half-up ≤ up', () => {
    fc.assert(
      fc.property(base, index, months, fc.integer({ min: 0, max: 100_000_000 }), age, (c, i, n, b, a) => {
        const input = {
          ...beijing,
          calcBaseFen: c,
          averageIndexPpm: i,
          contributionMonths: n,
          accountBalanceFen: b,
          retirementAgeMonths: a,
        };
        const half = calculateBasicPension(input);
        const down = calculateBasicPension({ ...input, rounding: 'truncate-fen' });
        const up = calculateBasicPension({ ...input, rounding: 'up-fen' });
        return (
          half.totalFen === half.basicFen + half.accountFen + half.transitionalFen &&
          down.basicFen <= half.basicFen &&
          half.basicFen <= up.basicFen &&
          up.basicFen - down.basicFen <= 1
        );
      }),
    );
  });
});
