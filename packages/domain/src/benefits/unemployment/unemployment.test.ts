import { describe, expect, it } from 'vitest';
import { PolicyBook, SEED_PARAMETERS } from '../../policy/index.ts';
import {
  parseMonthlyStandardRule,
  parseRegionalSchedule,
  unemploymentDurationOf,
  unemploymentEntitlement,
  unemploymentMonthlyAmount,
  unemploymentSchedule,
  unemploymentScheduleOf,
  unemploymentStandardOf,
  type UnemploymentEntitlementInput,
} from './index.ts';

const book = new PolicyBook(SEED_PARAMETERS);
const duration = unemploymentDurationOf(book, { regionCode: '110000', period: '2026-03' });

const entitled = (extra: Partial<UnemploymentEntitlementInput>) =>
  unemploymentEntitlement({
    involuntary: true,
    registered: true,
    startDate: '2026-03-10',
    regionalSchedule: null,
    duration,
    ...extra,
  });

describe('entitlement to unemployment benefit (SIL Arts. 45-46; docs/RULES.md 15.6–15.8)', () => {
  it('follows the national tiers at 0.9, 1, 4.99, 5, 9.99 and 10 years', () => {
    const months = (years: string) => entitled({ contributionYears: years }).months;
    expect(entitled({ contributionYears: '0.9' })).toMatchObject({ eligible: false, months: 0 });
    expect(entitled({ contributionYears: '0.9' }).reasons.map((r) => r.code)).toEqual([
      'too-few-contributions',
    ]);
    expect([months('1'), months('4.99'), months('5'), months('9.99'), months('10'), months('35')]).toEqual([
      12, 12, 18, 18, 24, 24,
    ]);
  });

  it('counts whole months as well as years: 11 months is short, 12 enough, 60 is five years', () => {
    expect(entitled({ contributionMonths: 11 }).eligible).toBe(false);
    expect(entitled({ contributionMonths: 12 }).months).toBe(12);
    expect(entitled({ contributionMonths: 59 }).months).toBe(12);
    expect(entitled({ contributionMonths: 60 }).months).toBe(18);
  });

  it('refuses a voluntary leaver and a person not registered, saying every reason', () => {
    const result = entitled({ contributionYears: '0.5', involuntary: false, registered: false });
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual([
      'too-few-contributions',
      'voluntary',
      'not-registered',
    ]);
    expect(result.explanation.formula).toMatch(/^not entitled: /);
  });

  it('applies Shanghai’s 2 months a year only to claims from 2026-08-16, never above the tier', () => {
    const shanghai = (startDate: string, years: string) =>
      entitled({
        startDate,
        contributionYears: years,
        regionalSchedule: unemploymentScheduleOf(book, { regionCode: '310000', startDate }),
      });
    expect(unemploymentScheduleOf(book, { regionCode: '310000', startDate: '2026-08-15' })).toBeNull();
    expect(unemploymentScheduleOf(book, { regionCode: '310000', startDate: '2026-07-31' })).toBeNull();
    expect(unemploymentScheduleOf(book, { regionCode: '110000', startDate: '2026-09-01' })).toBeNull();
    // Before: the national tier; 7.5 years → 18
    expect(shanghai('2026-08-15', '7.5').months).toBe(18);
    // From 2026-08-16: 7 whole years × 2 = 14
    expect(shanghai('2026-08-16', '7.5').months).toBe(14);
    expect(shanghai('2026-08-16', '7.5').explanation.sources).toContain(
      '沪人社规〔2026〕18号: 2 months per whole contribution year, at most 24, for claims from 2026-08-16 [R]',
    );
    // 1 year → 2; 9.99 years → 9 × 2 = 18; 12 years → 24; 30 years → 24 (the schedule's maximum)
    expect(['1', '9.99', '12', '30'].map((years) => shanghai('2027-01-05', years).months)).toEqual([
      2, 18, 24, 24,
    ]);
  });

  it('keeps a regional schedule below the national tier', () => {
    const generous = { rule: { from: '2026-01-01', monthsPerYear: 4, maxMonths: 24 }, source: 'x' };
    // 4 years × 4 = 16, but 1 to under 5 years gives at most 12
    expect(entitled({ contributionYears: '4', regionalSchedule: generous }).months).toBe(12);
  });

  it('adds the months an earlier claim left, at most 24 in all', () => {
    expect(entitled({ contributionYears: '3', carriedMonths: 5 }).months).toBe(17);
    expect(entitled({ contributionYears: '6', carriedMonths: 6 }).months).toBe(24);
    expect(entitled({ contributionYears: '6', carriedMonths: 7 }).months).toBe(24);
    expect(entitled({ contributionYears: '10', carriedMonths: 12 }).explanation.formula).toContain(
      '+ 12 carried = 36, at most 24: 24 months',
    );
    expect(entitled({ contributionYears: '0.5', carriedMonths: 7 }).months).toBe(0);
  });

  it('refuses bad input, naming it', () => {
    expect(() => entitled({})).toThrow(/^contributionMonths:/);
    expect(() => entitled({ contributionMonths: 12, contributionYears: '1' })).toThrow(
      /^contributionMonths:/,
    );
    expect(() => entitled({ contributionYears: '-1' })).toThrow(/^contributionYears:/);
    expect(() => entitled({ contributionYears: '1.234' })).toThrow(/^contributionYears:/);
    expect(() => entitled({ contributionMonths: 12, carriedMonths: -1 })).toThrow(/^carriedMonths:/);
    expect(() => entitled({ contributionMonths: 12, startDate: '2026-02-30' })).toThrow(/^startDate:/);
    expect(() =>
      parseRegionalSchedule({ entries: [{ from: '2026-8-16', monthsPerYear: 2, maxMonths: 24 }] }),
    ).toThrow(/unemployment.regionalSchedule/);
  });
});

describe('the monthly unemployment benefit (SIL Art. 47; docs/RULES.md 15.9)', () => {
  const shanghai2025 = unemploymentStandardOf(book, { regionCode: '310000', period: '2025-07' })!;
  const shanghai2026 = unemploymentStandardOf(book, { regionCode: '310000', period: '2026-07' })!;

  it('pays Shanghai’s bands: less from month 13, and the new standard from 2026-07', () => {
    const amount = (standard: typeof shanghai2025, monthNo: number) =>
      unemploymentMonthlyAmount({ monthNo, standard }).amountFen;
    expect([1, 12, 13, 24, 25].map((month) => amount(shanghai2025, month))).toEqual([
      230_500, 230_500, 184_400, 184_400, 165_000,
    ]);
    expect([1, 13].map((month) => amount(shanghai2026, month))).toEqual([234_000, 187_200]);
    expect(unemploymentStandardOf(book, { regionCode: '310000', period: '2026-06' })).toEqual(shanghai2025);
    expect(unemploymentMonthlyAmount({ monthNo: 13, standard: shanghai2025 }).band).toBe('months 13-24');
  });

  it('pays 90% of the minimum wage in Guangdong, rounded half up to the fen', () => {
    const guangdong = unemploymentStandardOf(book, { regionCode: '440100', period: '2025-06' })!;
    const minimumWage = book.require<number>('minimumWage', { regionCode: '440100', period: '2025-06' });
    // 2,500.00 × 90% = 2,250.00
    expect(
      unemploymentMonthlyAmount({ monthNo: 1, standard: guangdong, minimumWageFen: minimumWage.value })
        .amountFen,
    ).toBe(225_000);
    // 2,345.67 × 90% = 2,111.103 → 2,111.10; 2,345.65 × 90% = 2,111.085 → 2,111.09
    expect(
      unemploymentMonthlyAmount({ monthNo: 1, standard: guangdong, minimumWageFen: 234_567 }).amountFen,
    ).toBe(211_110);
    expect(
      unemploymentMonthlyAmount({ monthNo: 14, standard: guangdong, minimumWageFen: 234_565 }).amountFen,
    ).toBe(211_109);
    expect(() => unemploymentMonthlyAmount({ monthNo: 1, standard: guangdong })).toThrow(/^minimumWageFen:/);
  });

  it('gives Beijing 90% of its minimum wage: 2,420 then 2,540 from 2025-09', () => {
    const beijing = unemploymentStandardOf(book, { regionCode: '110105', period: '2025-09' })!;
    const wage = (period: string) =>
      book.require<number>('minimumWage', { regionCode: '110105', period }).value;
    expect(wage('2025-08')).toBe(242_000);
    expect(
      unemploymentMonthlyAmount({ monthNo: 1, standard: beijing, minimumWageFen: wage('2025-08') }).amountFen,
    ).toBe(217_800);
    expect(
      unemploymentMonthlyAmount({ monthNo: 1, standard: beijing, minimumWageFen: wage('2025-09') }).amountFen,
    ).toBe(228_600);
    expect(unemploymentStandardOf(book, { regionCode: '510000', period: '2025-09' })).toBeNull();
  });

  it('lists a claim’s months and the runs of equal months', () => {
    const schedule = unemploymentSchedule({ months: 14, standard: shanghai2025 });
    expect(schedule.months).toHaveLength(14);
    expect(schedule.bands).toEqual([
      { fromMonth: 1, toMonth: 12, amountFen: 230_500, band: 'months 1-12' },
      { fromMonth: 13, toMonth: 14, amountFen: 184_400, band: 'months 13-24' },
    ]);
    // 12 × 2,305 + 2 × 1,844 = 31,348.00
    expect(schedule.totalFen).toBe(3_134_800);
  });

  it('refuses month 0 and a standard of the wrong shape', () => {
    expect(() => unemploymentMonthlyAmount({ monthNo: 0, standard: shanghai2025 })).toThrow(/^monthNo:/);
    expect(() =>
      parseMonthlyStandardRule({ kind: 'bands', bands: [{ fromMonth: 2, amountFen: 1, label: 'x' }] }),
    ).toThrow(/unemployment.monthlyStandard: the first band/);
    expect(() => parseMonthlyStandardRule({ kind: 'share-of-minimum-wage', sharePpm: 900_000 })).toThrow(
      /rounding/,
    );
  });
});
