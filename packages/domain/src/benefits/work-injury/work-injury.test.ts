import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyBook, SEED_PARAMETERS } from '../../policy/index.ts';
import {
  injuryBenefitTablesOf,
  injuryDeathBenefits,
  injuryDeathRuleOf,
  injuryDisabilityBenefits,
  injuryOwnWage,
  injuryPensionTopUp,
  parseInjuryBenefitTables,
  urbanDisposableIncomeOf,
} from './index.ts';

const book = new PolicyBook(SEED_PARAMETERS);
const at = { regionCode: '110000', period: '2026-03' };
const tables = injuryBenefitTablesOf(book, at);
const deathRule = injuryDeathRuleOf(book, at);
const AVERAGE = 1_000_000; // 10,000.00 yuan: bounds 6,000.00 and 30,000.00

describe('the own wage of an injured person (WIIR Art. 64; docs/RULES.md 15.1)', () => {
  const wage = (monthlyBasesFen: number[]) =>
    injuryOwnWage({ monthlyBasesFen, averageWageFen: AVERAGE, bounds: tables.rule.ownWage, source: 's' });

  it('averages the months and rounds once, half up to the fen', () => {
    // (8000.00 + 8000.01 + 8000.01) / 3 = 8000.00666… → 8000.01
    const result = wage([800_000, 800_001, 800_001]);
    expect(result).toMatchObject({ ownWageFen: 800_001, clamped: null });
    // (8000.00 + 8000.01) / 2 = 8000.005 → 8000.01 (half up)
    expect(wage([800_000, 800_001]).ownWageFen).toBe(800_001);
    expect(result.explanation.inputs.clamped).toBe('no');
  });

  it('raises a low average to 60% and lowers a high one to 300% of the average wage', () => {
    expect(wage([500_000]).ownWageFen).toBe(600_000);
    expect(wage([500_000]).clamped).toBe('floor');
    expect(wage([599_999]).ownWageFen).toBe(600_000);
    expect(wage([600_000]).clamped).toBeNull();
    expect(wage([3_000_000]).clamped).toBeNull();
    expect(wage([3_000_001]).ownWageFen).toBe(3_000_000);
    expect(wage([4_000_000]).explanation.formula).toContain('lowered to the ceiling: 30000.00');
    expect(wage([4_000_000]).explanation.inputs.clamped).toBe('yes, to the ceiling');
  });

  it('rounds the bounds half up: 60% of 10,000.01 is 6,000.006 → 6,000.01', () => {
    const result = injuryOwnWage({
      monthlyBasesFen: [100],
      averageWageFen: 1_000_001,
      bounds: tables.rule.ownWage,
      source: 's',
    });
    expect(result.ownWageFen).toBe(600_001);
  });

  it('refuses no months, more than 12, or a negative base', () => {
    expect(() => wage([])).toThrow(/monthlyBasesFen/);
    expect(() => wage(Array.from({ length: 13 }, () => 1))).toThrow(/monthlyBasesFen/);
    expect(() => wage([-1])).toThrow(/monthlyBasesFen\[0\]/);
  });
});

describe('disability benefits by grade (WIIR Arts. 34-37; docs/RULES.md 15.2 and 15.3)', () => {
  const benefits = (grade: number, extra: Partial<Parameters<typeof injuryDisabilityBenefits>[0]> = {}) =>
    injuryDisabilityBenefits({
      grade,
      ownWageFen: 1_200_000,
      averageWageFen: AVERAGE,
      nursing: 'none',
      tables,
      ...extra,
    });

  // Own wage 12,000.00: [grade, subsidy months, allowance, payer]
  const expected = [
    [1, 27, 1_080_000, 'fund'], // 90%
    [2, 25, 1_020_000, 'fund'], // 85%
    [3, 23, 960_000, 'fund'], // 80%
    [4, 21, 900_000, 'fund'], // 75%
    [5, 18, 840_000, 'employer'], // 70%
    [6, 16, 720_000, 'employer'], // 60%
    [7, 13, 0, null],
    [8, 11, 0, null],
    [9, 9, 0, null],
    [10, 7, 0, null],
  ] as const;

  for (const [grade, months, allowanceFen, payer] of expected)
    it(`grade ${grade}: ${months} months, allowance ${allowanceFen / 100}, paid by ${payer}`, () => {
      const result = benefits(grade);
      expect(result).toMatchObject({
        ownWageFen: 1_200_000,
        oneTimeSubsidyFen: months * 1_200_000,
        monthlyAllowanceFen: allowanceFen,
        allowancePayer: payer,
        nursingMonthlyFen: 0,
      });
      expect(result.explanation.oneTimeSubsidy.formula).toBe(
        `12000.00 × ${months} = ${((months * 1_200_000) / 100).toFixed(2)}`,
      );
    });

  it('clamps the declared own wage before the grade applies', () => {
    // 3,000.00 declared → 6,000.00 (60%); grade 1: 27 × 6,000 = 162,000; 90% = 5,400
    expect(benefits(1, { ownWageFen: 300_000 })).toMatchObject({
      ownWageFen: 600_000,
      oneTimeSubsidyFen: 16_200_000,
      monthlyAllowanceFen: 540_000,
    });
    // 50,000.00 declared → 30,000.00 (300%)
    expect(benefits(10, { ownWageFen: 5_000_000 }).oneTimeSubsidyFen).toBe(21_000_000);
  });

  it('raises the allowance to the minimum wage, and rounds its share half up', () => {
    // Average 3,000.00: own wage floor 1,800.00; grade 4: 75% = 1,350.00 < minimum 2,540.00
    const low = benefits(4, { ownWageFen: 180_000, averageWageFen: 300_000, minimumWageFen: 254_000 });
    expect(low.monthlyAllowanceFen).toBe(254_000);
    expect(low.explanation.monthlyAllowance.formula).toContain('raised to 2540.00');
    // Grade 6 (employer): 60% of 1,800.00 = 1,080.00, also made up to the minimum wage (WIIR Art. 36)
    expect(
      benefits(6, { ownWageFen: 180_000, averageWageFen: 300_000, minimumWageFen: 254_000 })
        .monthlyAllowanceFen,
    ).toBe(254_000);
    // Without a minimum wage no floor; 85% of 7,333.33 = 6,233.3305 → 6,233.33
    expect(benefits(2, { ownWageFen: 733_333 }).monthlyAllowanceFen).toBe(623_333);
    // 75% of 7,333.34 = 5,500.005 → 5,500.01
    expect(benefits(4, { ownWageFen: 733_334 }).monthlyAllowanceFen).toBe(550_001);
    // Grade 7 has no allowance even with a minimum wage
    expect(benefits(7, { minimumWageFen: 254_000 }).monthlyAllowanceFen).toBe(0);
  });

  it('pays nursing as 50%, 40% or 30% of the average wage', () => {
    expect(benefits(1, { nursing: 'full' }).nursingMonthlyFen).toBe(500_000);
    expect(benefits(1, { nursing: 'most' }).nursingMonthlyFen).toBe(400_000);
    expect(benefits(1, { nursing: 'part' }).nursingMonthlyFen).toBe(300_000);
    // 30% of 10,000.05 = 3,000.015 → 3,000.02
    expect(benefits(1, { nursing: 'part', averageWageFen: 1_000_005 }).nursingMonthlyFen).toBe(300_002);
    expect(benefits(1, { nursing: 'part' }).explanation.nursing.sources).toContain('WIIR Art. 34');
  });

  it('refuses a grade outside 1-10, a negative wage or an unknown nursing level', () => {
    expect(() => benefits(0)).toThrow(/^grade:/);
    expect(() => benefits(11)).toThrow(/^grade:/);
    expect(() => benefits(2.5)).toThrow(/^grade:/);
    expect(() => benefits(1, { ownWageFen: -1 })).toThrow(/ownWageFen/);
    expect(() => benefits(1, { nursing: 'some' as 'none' })).toThrow(/^nursing:/);
  });

  it('refuses a table of the wrong shape, naming the parameter', () => {
    expect(() => parseInjuryBenefitTables({ ...tables.rule, grades: tables.rule.grades.slice(1) })).toThrow(
      /workInjury.benefitTables: grades/,
    );
  });
});

describe('death from a work injury (WIIR Art. 39; docs/RULES.md 15.4)', () => {
  const death = (extra: Partial<Parameters<typeof injuryDeathBenefits>[0]> = {}) =>
    injuryDeathBenefits({
      ownWageFen: 1_200_000,
      averageWageFen: AVERAGE,
      urbanIncomeFen: 5_418_800,
      spouse: true,
      dependents: 1,
      extra: 0,
      rule: deathRule,
      tables,
      ...extra,
    });

  it('pays 6 months of the average wage, 20 years of urban income, and 40% + 30% to the survivors', () => {
    expect(death()).toMatchObject({
      ownWageFen: 1_200_000,
      funeralFen: 6_000_000,
      oneTimeFen: 108_376_000, // 54,188 × 20 = 1,083,760
      survivorsMonthlyFen: 840_000, // 12,000 × 70%
    });
  });

  it('adds 10% for each orphan or lone elderly dependent', () => {
    // spouse 40 + 2 × 30 + 1 × 10 = 110% → capped at the own wage
    expect(death({ dependents: 2, extra: 1 }).survivorsMonthlyFen).toBe(1_200_000);
    expect(death({ dependents: 2, extra: 1 }).explanation.survivors.formula).toContain('capped at 12000.00');
    // no spouse, 1 orphan: 30 + 10 = 40%
    expect(death({ spouse: false, dependents: 1, extra: 1 }).survivorsMonthlyFen).toBe(480_000);
    // exactly 100%: 40 + 2 × 30 = 100%, not capped
    expect(death({ dependents: 2 }).survivorsMonthlyFen).toBe(1_200_000);
    expect(death({ spouse: false, dependents: 0 }).survivorsMonthlyFen).toBe(0);
  });

  it('holds the own wage within the bounds and rounds the share half up', () => {
    // 2,000.00 declared → 6,000.00 (60% of 10,000.00); spouse 40% = 2,400.00
    expect(death({ ownWageFen: 200_000, dependents: 0 })).toMatchObject({
      ownWageFen: 600_000,
      survivorsMonthlyFen: 240_000,
    });
    // 70% of 7,000.05 = 4,900.035 → 4,900.04
    expect(death({ ownWageFen: 700_005 }).survivorsMonthlyFen).toBe(490_004);
  });

  it('never pays the survivors more than the own wage, which stays within 60%-300%', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 7 }),
        (ownWageFen, averageWageFen, spouse, dependents, extraWanted) => {
          const extra = Math.min(extraWanted, dependents + (spouse ? 1 : 0));
          const result = death({ ownWageFen, averageWageFen, spouse, dependents, extra });
          expect(result.survivorsMonthlyFen).toBeLessThanOrEqual(result.ownWageFen);
          expect(result.ownWageFen * 10).toBeGreaterThanOrEqual(averageWageFen * 6 - 5);
          expect(result.ownWageFen).toBeLessThanOrEqual(averageWageFen * 3);
        },
      ),
    );
  });

  it('refuses more orphans or lone elderly than dependents', () => {
    expect(() => death({ spouse: false, dependents: 1, extra: 2 })).toThrow(/^extra:/);
    expect(() => death({ dependents: 1, extra: 3 })).toThrow(/^extra:/);
    expect(() => death({ dependents: -1 })).toThrow(/^dependents:/);
  });

  it('reads the urban income of the year before from the policy', () => {
    expect(urbanDisposableIncomeOf(book, 2023).incomeFen).toBe(5_182_100);
    expect(urbanDisposableIncomeOf(book, 2024).incomeFen).toBe(5_418_800);
    expect(() => urbanDisposableIncomeOf(book, 2025)).toThrow(/statistics.urbanDisposableIncome/);
  });
});

describe('the top-up of the pension at retirement (WIIR Art. 35; docs/RULES.md 15.5)', () => {
  it('tops a lower pension up to the allowance, and nothing when it is higher', () => {
    expect(injuryPensionTopUp({ allowanceFen: 900_000, pensionFen: 650_050 })).toMatchObject({
      topUpFen: 249_950,
      totalFen: 900_000,
    });
    expect(injuryPensionTopUp({ allowanceFen: 500_000, pensionFen: 650_000 })).toMatchObject({
      topUpFen: 0,
      totalFen: 650_000,
    });
    expect(() => injuryPensionTopUp({ allowanceFen: -1, pensionFen: 0 })).toThrow(/allowanceFen/);
  });
});
