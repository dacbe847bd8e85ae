import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyBook, SEED_PARAMETERS } from '../../policy/index.ts';
import {
  funeralGrant,
  funeralGrantRuleOf,
  inheritableBalance,
  inheritanceRuleOf,
  parseFuneralGrantRule,
  parseSurvivorsBenefitRule,
  splitInheritance,
  survivorsBenefit,
  survivorsBenefitRuleOf,
} from './index.ts';

const book = new PolicyBook(SEED_PARAMETERS);
const beijing = { regionCode: '110105', period: '2026-03' };

describe('the one-time benefits on a death (docs/RULES.md 14.10)', () => {
  it('pays the demo region’s fixed funeral grant, with its source', () => {
    const grant = funeralGrant(funeralGrantRuleOf(book, beijing));
    expect(grant.amountFen).toBe(500_000);
    expect(grant.explanation.sources).toContain('SIL Art. 17');
    expect(grant.explanation.sources.at(-1)).toMatch(/\[U\]$/);
  });

  it('works out a grant of months of a base', () => {
    const grant = funeralGrant({
      rule: parseFuneralGrantRule({ kind: 'months-of-base', months: 2, monthlyBaseFen: 812_345, base: 'x' }),
      source: 'regional notice',
    });
    // 8123.45 × 2 = 16246.90
    expect(grant.amountFen).toBe(1_624_690);
    expect(grant.explanation.formula).toBe('8123.45 × 2 = 16246.90');
  });

  it('gives the survivors months by whole contribution years, at most the maximum', () => {
    const rule = survivorsBenefitRuleOf(book, beijing);
    // 14 years 11 months: 14 whole years, the first band: 6 months × 7000.00 = 42000.00.
    expect(survivorsBenefit(rule, 179).amountFen).toBe(4_200_000);
    // 15 years: 9 months; 20 years: 9 + 5 = 14 months.
    expect(survivorsBenefit(rule, 180).amountFen).toBe(6_300_000);
    expect(survivorsBenefit(rule, 240).amountFen).toBe(9_800_000);
    // 40 years would be 34 months: capped at 24.
    expect(survivorsBenefit(rule, 480).amountFen).toBe(16_800_000);
    expect(survivorsBenefit(rule, 480).explanation.inputs.months).toBe('24 (at most 24)');
  });

  it('refuses a rule of the wrong shape, naming the parameter', () => {
    expect(() => parseFuneralGrantRule({ kind: 'fixed', amountFen: 1.5 })).toThrow(
      /death.funeralGrant: amountFen/,
    );
    expect(() =>
      parseSurvivorsBenefitRule({
        monthlyBaseFen: 1,
        base: 'x',
        maxMonths: 3,
        bands: [{ fromYears: 1, months: 1, extraMonthsPerYear: 0 }],
      }),
    ).toThrow(/death.survivorsBenefit: the first band/);
    expect(() => funeralGrantRuleOf(book, { regionCode: '310000', period: '2026-03' })).toThrow(
      /death.funeralGrant/,
    );
  });
});

describe('inheritance of the personal account (SIL Art. 14; docs/RULES.md 14.10)', () => {
  const balances = [
    { source: 'residents-individual', balanceFen: 1_200_000 },
    { source: 'residents-collective', balanceFen: 50_000 },
    { source: 'residents-government-subsidy', balanceFen: 300_000 },
  ] as const;

  it('inherits the whole balance where the region keeps nothing back', () => {
    const result = inheritableBalance(balances, inheritanceRuleOf(book, beijing));
    expect(result).toMatchObject({ amountFen: 1_550_000, excludedFen: 0 });
  });

  it('keeps the residents’ government subsidy back where the region says so', () => {
    const result = inheritableBalance(balances, {
      rule: { excludeResidentsGovernmentSubsidy: true },
      source: 'regional rule',
    });
    expect(result).toMatchObject({ amountFen: 1_250_000, excludedFen: 300_000 });
    expect(result.explanation.formula).toBe(
      '12000.00 + 500.00 = 12500.00 (3000.00 of government subsidies not inherited)',
    );
  });

  it('splits by fractions, the remainder to the largest remainders', () => {
    const parts = splitInheritance(100_001, [
      { name: '配偶', share: { numerator: 1, denominator: 2 } },
      { name: '长子', share: { numerator: 1, denominator: 4 } },
      { name: '次子', share: { numerator: 1, denominator: 4 } },
    ]);
    // 1000.01 / 2 = 500.005 → 500.01 (the largest remainder, the earlier on a tie), the sons 250.00 each.
    expect(parts.map((part) => part.amountFen)).toEqual([50_001, 25_000, 25_000]);
    expect(parts[0]!.explanation.formula).toBe('1000.01 × 1/2 → 500.01');
  });

  it('splits by parts, and refuses shares that do not make one whole', () => {
    expect(
      splitInheritance(1_000, [
        { name: 'a', share: { parts: 1 } },
        { name: 'b', share: { parts: 2 } },
      ]).map((p) => p.amountFen),
    ).toEqual([333, 667]);
    expect(() =>
      splitInheritance(1_000, [
        { name: 'a', share: { numerator: 1, denominator: 2 } },
        { name: 'b', share: { numerator: 1, denominator: 3 } },
      ]),
    ).toThrow(/add up to exactly one/);
    expect(() =>
      splitInheritance(1_000, [
        { name: 'a', share: { numerator: 1, denominator: 2 } },
        { name: 'b', share: { parts: 1 } },
      ]),
    ).toThrow(/every heir a fraction/);
  });

  it('always sums to the whole', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 8 }),
        (balanceFen, parts) => {
          const split = splitInheritance(
            balanceFen,
            parts.map((n, index) => ({ name: `h${index}`, share: { parts: n } })),
          );
          expect(split.reduce((sum, part) => sum + part.amountFen, 0)).toBe(balanceFen);
        },
      ),
    );
  });
});
