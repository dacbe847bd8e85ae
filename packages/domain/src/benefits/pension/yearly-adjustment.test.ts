import { describe, expect, it } from 'vitest';
import {
  adjustPension,
  checkYearlyAdjustmentPolicy,
  type YearlyAdjustmentPolicy,
} from './yearly-adjustment.ts';

// A province's 2025 adjustment as such notices read (docs/RULES.md 14.11): from January, published in July,
// for pensions started by December 2024; 1.2% of the pension, 35 yuan each, 1.50 yuan per full year, and
// 30 / 45 / 60 yuan more from 70 / 75 / 80.
const policy: YearlyAdjustmentPolicy = {
  effectiveMonth: '2025-01',
  publishedOn: '2025-07-10',
  startedBy: '2024-12',
  percentPpm: 12_000,
  fixedFen: 3_500,
  perYearFen: 150,
  yearCounting: 'full-years',
  ageTilt: [
    { minAgeYears: 70, extraFen: 3_000 },
    { minAgeYears: 75, extraFen: 4_500 },
    { minAgeYears: 80, extraFen: 6_000 },
  ],
  rounding: 'half-up-fen',
  source: 'test notice 2025',
};
const pensioner = {
  monthlyFen: 403_470,
  contributionMonths: 449,
  birthDate: '1950-03-10',
  startMonth: '2010-04',
};

describe('the yearly adjustment of a pension in payment', () => {
  it('adds the percentage, the fixed sum, the years and the highest age bracket reached', () => {
    const adjusted = adjustPension(pensioner, policy);
    // 4,034.70 × 1.2% = 48.4164 → 48.42; 35.00; floor(449 / 12) = 37 × 1.50 = 55.50; born 1950-03, in
    // 2025-01 aged 74 (898 months): the 70 bracket, 30.00. 48.42 + 35 + 55.50 + 30 = 168.92.
    expect(adjusted).toMatchObject({
      eligible: true,
      percentFen: 4_842,
      fixedFen: 3_500,
      perYearFen: 5_550,
      ageTiltFen: 3_000,
      increaseFen: 16_892,
      newMonthlyFen: 420_362,
      // January to June were paid before the notice.
      lateMonths: 6,
    });
    expect(adjusted.explanation.percent.formula).toBe('4034.70 × 1.2% = 48.42');
    expect(adjusted.explanation.perYear.inputs.years).toBe('37 (full-years)');
    expect(adjusted.explanation.total.sources).toContain('test notice 2025');
  });

  it('counts a begun year when the policy says so, and the birthday month as reached', () => {
    // 449 months begin 38 years: 38 × 1.50 = 57.00; born 1950-01, 75 in 2025-01: 45.00 (not 30 + 45).
    const adjusted = adjustPension(
      { ...pensioner, birthDate: '1950-01-31' },
      { ...policy, yearCounting: 'started-years' },
    );
    expect(adjusted).toMatchObject({
      perYearFen: 5_700,
      ageTiltFen: 4_500,
      increaseFen: 4_842 + 3_500 + 5_700 + 4_500,
    });
  });

  it('rounds the percentage part with the named rounding only', () => {
    // 48.4164 truncated to the jiao: 48.40.
    expect(adjustPension(pensioner, { ...policy, rounding: 'truncate-jiao' }).percentFen).toBe(4_840);
  });

  it('leaves a pension that started after the cut-off month as it is, and says why', () => {
    const adjusted = adjustPension({ ...pensioner, startMonth: '2025-01' }, policy);
    expect(adjusted).toMatchObject({ eligible: false, increaseFen: 0, newMonthlyFen: 403_470 });
    expect(adjusted.explanation.fixed.formula).toMatch(/started in 2025-01, after 2024-12/);
  });

  it('owes nothing back when published before the effective month', () => {
    expect(adjustPension(pensioner, { ...policy, publishedOn: '2024-12-20' }).lateMonths).toBe(0);
  });

  it('refuses a policy that cannot be applied, naming the field', () => {
    expect(() => checkYearlyAdjustmentPolicy({ ...policy, percentPpm: -1 })).toThrow(/^percentPpm:/);
    expect(() => checkYearlyAdjustmentPolicy({ ...policy, startedBy: '2025-01' })).toThrow(/^startedBy:/);
    expect(() => checkYearlyAdjustmentPolicy({ ...policy, publishedOn: '2025-02-30' })).toThrow(
      /^publishedOn:/,
    );
    expect(() =>
      checkYearlyAdjustmentPolicy({
        ...policy,
        ageTilt: [
          { minAgeYears: 70, extraFen: 1 },
          { minAgeYears: 70, extraFen: 2 },
        ],
      }),
    ).toThrow(/^ageTilt\.1\.minAgeYears:/);
    expect(() => adjustPension({ ...pensioner, contributionMonths: -1 }, policy)).toThrow(
      /^contributionMonths:/,
    );
  });
});
