import { describe, expect, it } from 'vitest';
import { addMonths } from '../../time/index.ts';
import { assessPensionClaim, type PensionClaimInput } from './assess-pension-claim.ts';
import { averageContributionIndex, type PensionMonth } from './contribution-index.ts';
import { NATIONAL_DIVISORS } from './divisor-table.ts';

/** Months from `first` on, `count` of them, each with the same base. */
function months(first: string, count: number, baseFen: number): PensionMonth[] {
  return Array.from({ length: count }, (_, index) => ({ period: addMonths(first, index), baseFen }));
}

/** 8,000 yuan up to 2019, 10,000 yuan from 2020. */
const wage = (period: string) => (period < '2020-01' ? 800_000 : 1_000_000);

// A man born 1965-01 retires at 60 years 1 month, in 2025-02 (NPC-2024; docs/RULES.md 4.10), with 15 years
// paid from 2010-01 to 2024-12 on a base of 10,000 yuan.
const claim: PensionClaimInput = {
  birthMonth: '1965-01',
  group: 'male',
  months: months('2010-01', 180, 1_000_000),
  deemedMonths: 0,
  averageWageOf: wage,
  calcBaseFen: 1_204_900,
  accountBalanceFen: 10_000_000,
  divisors: NATIONAL_DIVISORS,
  rounding: 'half-up-fen',
};

describe('the average contribution index', () => {
  it('is the mean of each month’s base over its average wage, rounded once', () => {
    // 120 months at 10,000 / 8,000 = 1.25 and 60 at 1.0: (150 + 60) / 180 = 1.1666666… -> 1.166667.
    const index = averageContributionIndex(claim.months, wage);
    expect(index.months).toBe(180);
    expect(index.averageIndexPpm).toBe(1_166_667);
    expect(index.years).toHaveLength(15);
    expect(index.explanation.formula).toContain('÷ 180 = 1.166667');
  });

  it('counts a month with two payers once, on the sum of their bases, and no month without a base', () => {
    const index = averageContributionIndex(
      [
        { period: '2024-01', baseFen: 300_000 },
        { period: '2024-01', baseFen: 500_000 },
        { period: '2024-02', baseFen: 0 },
        { period: '2024-03', baseFen: 1_200_000 },
      ],
      wage,
    );
    // (8,000 + 12,000) / 10,000 over 2 months = 1.0
    expect(index).toMatchObject({ months: 2, averageIndexPpm: 1_000_000 });
  });

  it('refuses a month measured against no average wage', () => {
    expect(() => averageContributionIndex(claim.months, () => 0)).toThrow(/averageWage/);
  });
});

describe('a basic pension claim from the record', () => {
  it('awards the statutory month with every part worked out from the record', () => {
    const outcome = assessPensionClaim(claim);
    expect(outcome.eligible).toBe(true);
    if (!outcome.eligible) return;
    expect(outcome).toMatchObject({
      startMonth: '2025-02',
      startAgeMonths: 721,
      kind: 'statutory',
      contributionMonths: 180,
      minContributionMonths: 180,
    });
    // 12,049 × (1 + 1.166667) / 2 × 15 × 1% = 1,957.962801… -> 1,957.96; 100,000 / 139 (age 60) = 719.42.
    expect(outcome.pension.basicFen).toBe(195_796);
    expect(outcome.pension.accountFen).toBe(71_942);
    expect(outcome.pension.totalFen).toBe(267_738);
    expect(outcome.explanation.eligibility.sources).toContain('SIL Art. 16');
  });

  it('counts deemed months towards the years and the basic part, and only months before the start', () => {
    const outcome = assessPensionClaim({
      ...claim,
      months: [...claim.months, ...months('2025-02', 3, 1_000_000)],
      deemedMonths: 24,
    });
    expect(outcome).toMatchObject({ eligible: true, paidMonths: 180, contributionMonths: 204 });
  });

  it('refuses a claim short of the minimum with the shortfall and the options', () => {
    // A woman of the original age 50 born 1975-03 retires at 50 years 2 months in 2025-05 with 100 months.
    const outcome = assessPensionClaim({
      ...claim,
      birthMonth: '1975-03',
      group: 'female-50',
      months: months('2016-01', 100, 1_000_000),
    });
    expect(outcome).toMatchObject({
      eligible: false,
      startMonth: '2025-05',
      contributionMonths: 100,
      shortfallMonths: 80,
      options: ['keep-paying', 'extended-or-one-time-payment', 'transfer-to-residents-scheme'],
    });
    if (outcome.eligible) return;
    expect(outcome.reasons.map((reason) => reason.code)).toEqual(['short-of-minimum-years']);
  });

  it('takes the minimum of the year the pension starts in, for a late start too', () => {
    // A man born 1970-01: 60 birth-months after 1965-01, delay floor(60 / 4) + 1 = 16 months, so he retires
    // at 61 years 4 months in 2031-05, when 192 months (16 years) are needed.
    const outcome = assessPensionClaim({
      ...claim,
      birthMonth: '1970-01',
      months: months('2014-01', 191, 1_000_000),
    });
    expect(outcome).toMatchObject({
      eligible: false,
      startMonth: '2031-05',
      minContributionMonths: 192,
      shortfallMonths: 1,
    });
  });

  it('refuses an early start beyond the flexible window, with the reason', () => {
    const outcome = assessPensionClaim({
      ...claim,
      birthMonth: '1970-01',
      chosenMonth: '2028-01',
      months: months('2000-01', 300, 1_000_000),
    });
    expect(outcome.eligible).toBe(false);
    if (outcome.eligible) return;
    // At 58 he would start 40 months before 2031-05, and below the original age of 60.
    expect(outcome.reasons.map((reason) => reason.code)).toEqual(['too-early', 'below-original-age']);
    expect(outcome.shortfallMonths).toBe(0);
  });
});
