import { describe, expect, it } from 'vitest';
import { addMonths } from '../../time/index.ts';
import { NATIONAL_DIVISORS } from './divisor-table.ts';
import { forecastPension, type ForecastInput } from './forecast-pension.ts';

// A man born 1970-01 retires by statute in 2031-05 (61 years 4 months); flexibly from 2030-01 (60, the
// original age) to 2034-05 (64 years 4 months). His record: 192 months, 2010-01 to 2025-12, on a base of
// 10,000 yuan against an average wage of 10,000 (index 1.0), 153,600 yuan in his account.
const record = Array.from({ length: 192 }, (_, index) => ({
  period: addMonths('2010-01', index),
  baseFen: 1_000_000,
}));
const input: ForecastInput = {
  birthMonth: '1970-01',
  group: 'male',
  months: record,
  deemedMonths: 0,
  fromMonth: '2026-01',
  averageWageOf: () => 1_000_000,
  calcBaseNowFen: 1_204_900,
  accountBalanceNowFen: 15_360_000,
  divisors: NATIONAL_DIVISORS,
  rounding: 'half-up-fen',
  assumptions: { futureBaseFen: 1_000_000, wageGrowthPpm: 0, interestPpm: 0, accountRatePpm: 80_000 },
};

describe('the pension forecast', () => {
  it('projects the earliest, statutory and latest start with the claim calculator', () => {
    const [earliest, statutory, latest] = forecastPension(input);
    // Statutory: 64 more months (2026-01 to 2031-04), 256 in all, 20,480,000 fen in the account.
    // 12,049 × (1 + 1) / 2 × 256 / 12 × 1% = 2,570.45; 204,800 / 132 (age 61) = 1,551.52; 4,121.97.
    expect(statutory).toMatchObject({ label: 'statutory', startMonth: '2031-05', projectedMonths: 64 });
    expect(statutory!.accountBalanceFen).toBe(20_480_000);
    expect(statutory!.outcome).toMatchObject({
      eligible: true,
      contributionMonths: 256,
      pension: { basicFen: 257_045, accountFen: 155_152, totalFen: 412_197 },
    });
    // Earliest: 48 more months, 240 in all; 2,409.80 + 192,000 / 139 (age 60) = 1,381.29; 3,791.09.
    expect(earliest).toMatchObject({ label: 'earliest', startMonth: '2030-01', projectedMonths: 48 });
    expect(earliest!.outcome).toMatchObject({
      eligible: true,
      pension: { basicFen: 240_980, accountFen: 138_129 },
    });
    expect(latest).toMatchObject({ label: 'latest', startMonth: '2034-05' });
  });

  it('keeps the index when bases and wages grow alike, and grows the calculation base with them', () => {
    const grown = forecastPension({ ...input, assumptions: { ...input.assumptions, wageGrowthPpm: 20_000 } });
    const statutory = grown[1]!;
    expect(statutory.outcome.eligible && statutory.outcome.index.averageIndexPpm).toBe(1_000_000);
    // 12,049.00 grown 2% a year for five years (to 2031), rounded each year: 12,289.98, 12,535.78,
    // 12,786.50, 13,042.23, 13,303.07.
    expect(statutory.calcBaseFen).toBe(1_330_307);
  });

  it("credits a year's interest each December: on the opening balance, and half a year's on the contributions", () => {
    const [, statutory] = forecastPension({
      ...input,
      months: record,
      assumptions: { ...input.assumptions, interestPpm: 100_000 },
    });
    // 2026: 153,600.00 × 10% + 9,600.00 × 5% = 15,840.00, closing 179,040.00; 2027: 18,384.00, 207,024.00;
    // 2028: 21,182.40, 237,806.40; 2029: 24,260.64, 271,667.04; 2030: 27,646.70, 308,913.74; then January
    // to April 2031 without interest yet: 312,113.74.
    expect(statutory!.accountBalanceFen).toBe(31_211_374);
  });
});
