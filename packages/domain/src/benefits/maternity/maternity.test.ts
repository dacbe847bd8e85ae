import { describe, expect, it } from 'vitest';
import { PolicyBook, SEED_PARAMETERS } from '../../policy/index.ts';
import {
  leaveExtensionOf,
  maternityAllowance,
  maternityAllowanceRuleOf,
  maternityLeaveDays,
  maternityLeaveRuleOf,
  maternityMedicalBenefit,
  maternityMedicalRuleOf,
  parseMaternityMedicalRule,
  type MaternityLeaveInput,
} from './index.ts';

const book = new PolicyBook(SEED_PARAMETERS);
const at = (regionCode: string) => ({ regionCode, period: '2026-03' });
const leave = maternityLeaveRuleOf(book, at('110000'));

const days = (extra: Partial<MaternityLeaveInput>) =>
  maternityLeaveDays({
    dystocia: false,
    babies: 1,
    miscarriage: null,
    leave,
    regionalExtension: null,
    ...extra,
  }).leaveDays;

describe('maternity leave days (WLP Art. 7; docs/RULES.md 15.10)', () => {
  it('gives 98 days, 113 for a difficult birth, 128 for twins with one, 15 a further baby', () => {
    expect(days({})).toBe(98);
    expect(days({ dystocia: true })).toBe(113);
    expect(days({ babies: 2 })).toBe(113);
    expect(days({ dystocia: true, babies: 2 })).toBe(128);
    expect(days({ babies: 3 })).toBe(128);
  });

  it('gives 15 days for an early miscarriage and 42 for a late one, with nothing added', () => {
    const beijing = leaveExtensionOf(book, at('110000'));
    expect(days({ miscarriage: 'early' })).toBe(15);
    expect(days({ miscarriage: 'late' })).toBe(42);
    expect(days({ miscarriage: 'late', dystocia: true, babies: 2, regionalExtension: beijing })).toBe(42);
  });

  it('adds the region’s extension where the fund pays it: Beijing +60, Guangdong +80', () => {
    const beijing = leaveExtensionOf(book, at('110105'));
    expect(days({ regionalExtension: beijing })).toBe(158);
    expect(days({ dystocia: true, regionalExtension: beijing })).toBe(173);
    expect(days({ regionalExtension: leaveExtensionOf(book, at('310000')) })).toBe(158);
    expect(days({ regionalExtension: leaveExtensionOf(book, at('440300')) })).toBe(178);
    expect(days({ regionalExtension: { rule: { days: 30, fundPays: false }, source: 'x' } })).toBe(98);
    expect(leaveExtensionOf(book, at('510000'))).toBeNull();
    // Before the 2021 amendment Beijing had no extension in the book
    expect(leaveExtensionOf(book, { regionCode: '110000', period: '2021-10' })).toBeNull();
  });

  it('explains the sum with its sources', () => {
    const result = maternityLeaveDays({
      dystocia: true,
      babies: 2,
      miscarriage: null,
      leave,
      regionalExtension: leaveExtensionOf(book, at('110000')),
    });
    expect(result.explanation.formula).toBe(
      '98 + 15 (difficult birth) + 1 × 15 (further babies) + 60 (regional extension) = 188 days',
    );
    expect(result.explanation.sources[0]).toBe('WLP Art. 7');
    expect(result.explanation.sources.at(-1)).toMatch(/\[U\]$/);
  });

  it('refuses no babies and an unknown miscarriage', () => {
    expect(() => days({ babies: 0 })).toThrow(/^babies:/);
    expect(() => days({ babies: 1.5 })).toThrow(/^babies:/);
    expect(() => days({ miscarriage: 'middle' as 'early' })).toThrow(/^miscarriage:/);
  });
});

describe('the maternity allowance (SIL Art. 56; docs/RULES.md 15.11 and 15.13)', () => {
  const rule = maternityAllowanceRuleOf(book, at('110000'));

  it('is the employer’s average wage ÷ 30 × days, rounded once half up', () => {
    // 9,000.00 ÷ 30 × 98 = 29,400.00
    expect(maternityAllowance({ employerAverageWageFen: 900_000, leaveDays: 98, rule }).allowanceFen).toBe(
      2_940_000,
    );
    // 10,000.01 ÷ 30 × 98 = 32,666.699333… → 32,666.70 (a daily rate rounded first, 333.33 × 98, would give 32,666.34)
    const result = maternityAllowance({ employerAverageWageFen: 1_000_001, leaveDays: 98, rule });
    expect(result.allowanceFen).toBe(3_266_670);
    expect(result.explanation.formula).toBe('10000.01 ÷ 30 × 98 = 32666.70');
    // 10,000.00 ÷ 30 × 158 = 52,666.666… → 52,666.67
    expect(maternityAllowance({ employerAverageWageFen: 1_000_000, leaveDays: 158, rule }).allowanceFen).toBe(
      5_266_667,
    );
    // 1.00 ÷ 30 × 15 = 0.50 exactly
    expect(maternityAllowance({ employerAverageWageFen: 100, leaveDays: 15, rule }).allowanceFen).toBe(50);
  });

  it('says who is paid, as the region sets it', () => {
    expect(rule.rule.payee).toBe('employer');
    expect(maternityAllowanceRuleOf(book, at('310000')).rule.payee).toBe('person');
    expect(
      maternityAllowance({ employerAverageWageFen: 1, leaveDays: 1, rule }).explanation.inputs.payee,
    ).toBe('employer');
  });

  it('refuses a negative wage', () => {
    expect(() => maternityAllowance({ employerAverageWageFen: -1, leaveDays: 98, rule })).toThrow(
      /^employerAverageWageFen:/,
    );
  });
});

describe('the maternity medical benefit (SIL Arts. 54-55; docs/RULES.md 15.12)', () => {
  it('pays Shanghai’s lump sum by kind of birth', () => {
    const rule = maternityMedicalRuleOf(book, at('310000'))!;
    expect(maternityMedicalBenefit({ birth: 'normal', rule }).amountFen).toBe(360_000);
    expect(maternityMedicalBenefit({ birth: 'dystocia', rule }).amountFen).toBe(450_000);
    expect(maternityMedicalBenefit({ birth: 'miscarriageEarly', rule }).amountFen).toBe(50_000);
    expect(maternityMedicalBenefit({ birth: 'miscarriageLate', rule }).amountFen).toBe(100_000);
  });

  it('pays Beijing’s actual costs up to the cap', () => {
    const rule = maternityMedicalRuleOf(book, at('110000'))!;
    expect(maternityMedicalBenefit({ birth: 'normal', actualCostFen: 650_055, rule }).amountFen).toBe(
      650_055,
    );
    expect(maternityMedicalBenefit({ birth: 'dystocia', actualCostFen: 1_200_000, rule }).amountFen).toBe(
      1_000_000,
    );
    expect(() => maternityMedicalBenefit({ birth: 'normal', rule })).toThrow(/^actualCostFen:/);
  });

  it('refuses a rule of the wrong shape', () => {
    expect(() => parseMaternityMedicalRule({ kind: 'lump-sum', amountsFen: { normal: 1 } })).toThrow(
      /maternity.medical: amountsFen.dystocia/,
    );
  });
});
