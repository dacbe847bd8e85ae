import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PolicyBook,
  PolicyMissingError,
  SEED_PARAMETERS,
  type Insurance,
  type Party,
} from '../policy/index.ts';
import { assessPersonMonth } from './assess-person-month.ts';
import { calculateContributions, type ContributionResult } from './calculate-contributions.ts';
import { compileContributionSchedule } from './contribution-schedule.ts';

const book = new PolicyBook(SEED_PARAMETERS);

function amount(result: ContributionResult, insurance: Insurance, party: Party): number | undefined {
  return result.lines.find((line) => line.insurance === insurance && line.party === party)?.amountFen;
}

describe('calculateContributions', () => {
  it('reproduces the Beijing 2025-07 worked example: wage 20,000 yuan (docs/RULES.md 1.4)', () => {
    const result = calculateContributions(book, {
      regionCode: '110000',
      period: '2025-07',
      category: 'employee',
      wageFen: 2_000_000,
    });
    expect(amount(result, 'pension', 'employee')).toBe(160_000);
    expect(amount(result, 'medical', 'employee')).toBe(40_300);
    expect(amount(result, 'unemployment', 'employee')).toBe(10_000);
    expect(amount(result, 'pension', 'employer')).toBe(320_000);
    expect(amount(result, 'medical', 'employer')).toBe(196_000);
    expect(amount(result, 'unemployment', 'employer')).toBe(10_000);
    expect(amount(result, 'work_injury', 'employer')).toBe(4_000);
    expect(amount(result, 'work_injury', 'employee')).toBeUndefined();
    expect(result.totals).toEqual({
      employeeFen: 210_300,
      employerFen: 530_000,
      totalFen: 740_300,
      personalAccountFen: 160_000 + 40_000,
    });
    const medical = result.lines.find((line) => line.insurance === 'medical' && line.party === 'employee')!;
    expect(medical.fixedFen).toBe(300);
    expect(medical.personalAccountFen).toBe(40_000);
    expect(medical.explanation.formula).toBe('20000.00 × 2% + 3.00 = 403.00');
    expect(medical.explanation.sources).toContain('SIL Art. 23');
  });

  it('raises a low wage to the floor and lowers a high one to the ceiling', () => {
    const low = calculateContributions(book, {
      regionCode: '110000',
      period: '2025-08',
      category: 'employee',
      wageFen: 300_000,
    });
    expect(low.lines.every((line) => line.baseFen === 716_200)).toBe(true);
    expect(amount(low, 'pension', 'employee')).toBe(57_296); // 7162 × 8% = 572.96
    expect(low.lines[0]!.explanation.inputs.base).toContain('raised to the floor');
    const high = calculateContributions(book, {
      regionCode: '110000',
      period: '2026-06',
      category: 'employee',
      wageFen: 9_000_000,
    });
    expect(high.lines.every((line) => line.baseFen === 3_581_100)).toBe(true);
  });

  it('uses the band in force for the period (Beijing July-June cycle)', () => {
    const june = calculateContributions(book, {
      regionCode: '110000',
      period: '2025-06',
      category: 'employee',
      wageFen: 100,
    });
    expect(june.lines[0]!.baseFen).toBe(682_100);
  });

  it('applies the class rate and the float to work injury', () => {
    const result = calculateContributions(book, {
      regionCode: '110000',
      period: '2025-07',
      category: 'employee',
      wageFen: 1_000_000,
      injuryClass: 5,
      injuryFloatPpm: 1_500_000,
    });
    const line = result.lines.find((entry) => entry.insurance === 'work_injury')!;
    expect(line.ratePpm).toBe(16_500); // 1.1% × 150%
    expect(line.amountFen).toBe(16_500); // 10000 × 1.65%
  });

  it('keeps a floated rate exact until the single rounding', () => {
    // 7,162.00 × 0.7% × 83% = 41.61146 -> 41.61
    const result = calculateContributions(book, {
      regionCode: '110000',
      period: '2025-07',
      category: 'employee',
      wageFen: 716_200,
      injuryClass: 3,
      injuryFloatPpm: 830_000,
    });
    expect(amount(result, 'work_injury', 'employer')).toBe(4_161);
  });

  it("rounds Shanghai employees' shares up to the jiao (见分进角) and the base to the yuan", () => {
    const result = calculateContributions(book, {
      regionCode: '310000',
      period: '2024-08',
      category: 'employee',
      wageFen: 1_000_140, // 10001.40 -> base 10001
    });
    expect(result.lines[0]!.baseFen).toBe(1_000_100);
    expect(amount(result, 'pension', 'employee')).toBe(80_010); // 800.08 -> 800.10
    expect(amount(result, 'pension', 'employer')).toBe(160_016); // 1600.16, half-up to the fen
    expect(amount(result, 'medical', 'employee')).toBe(20_010); // 200.02 -> 200.10
    expect(amount(result, 'medical', 'employer')).toBe(90_009);
  });

  it('charges a flexible worker the whole pension premium with 8 points to the account', () => {
    const result = calculateContributions(book, {
      regionCode: '110000',
      period: '2025-07',
      category: 'flexible',
      baseFen: 1_193_700,
    });
    expect(result.lines.map((line) => [line.insurance, line.party])).toEqual([['pension', 'employee']]);
    expect(result.lines[0]!.amountFen).toBe(238_740); // 11937 × 20%
    expect(result.lines[0]!.personalAccountFen).toBe(95_496); // 11937 × 8%
    expect(result.totals.employerFen).toBe(0);
    expect(result.notes.join()).toContain('no rate for flexible workers');
  });

  it('adds the regional medical rate for flexible workers where one exists', () => {
    const result = calculateContributions(book, {
      regionCode: '310000',
      period: '2025-07',
      category: 'flexible',
      baseFen: 746_000,
    });
    expect(amount(result, 'medical', 'employee')).toBe(74_600);
    expect(amount(result, 'pension', 'employee')).toBe(149_200);
  });

  it('derives the floor from the average wage when no band was published', () => {
    const result = calculateContributions(book, {
      regionCode: '440100',
      period: '2024-09',
      category: 'employee',
      wageFen: 100,
    });
    const pension = result.lines.find((line) => line.insurance === 'pension')!;
    expect(pension.baseFen).toBe(550_020); // 60% of 9,167
    expect(result.notes.some((note) => note.includes('60% of average wage'))).toBe(true);
  });

  it('uses Guangzhou’s own pension floor and the provincial band for medical', () => {
    const result = calculateContributions(book, {
      regionCode: '440106',
      period: '2025-09',
      category: 'employee',
      wageFen: 100,
    });
    expect(result.lines.find((line) => line.insurance === 'pension')!.baseFen).toBe(551_000);
    expect(result.lines.find((line) => line.insurance === 'medical')!.baseFen).toBe(477_500);
    expect(amount(result, 'medical', 'employer')).toBe(31_038); // 4775 × 6.5% = 310.375 -> 310.38
  });

  it('refuses a region and period without policy data instead of assessing zero', () => {
    expect(() =>
      calculateContributions(book, {
        regionCode: '510100',
        period: '2025-07',
        category: 'employee',
        wageFen: 800_000,
      }),
    ).toThrow(PolicyMissingError);
  });

  it('names the field for bad input', () => {
    const input = { regionCode: '110000', period: '2025-07', category: 'employee' } as const;
    expect(() => calculateContributions(book, input)).toThrow(/wage/);
    expect(() => calculateContributions(book, { ...input, wageFen: -1 })).toThrow(/wage/);
    expect(() => calculateContributions(book, { ...input, wageFen: 1, injuryClass: 9 })).toThrow(
      /injuryClass/,
    );
  });

  it('always totals its lines, and amounts never fall as the wage rises', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (wageFen, raiseFen) => {
          const input = { regionCode: '310000', period: '2025-07', category: 'employee' } as const;
          const lower = calculateContributions(book, { ...input, wageFen });
          const higher = calculateContributions(book, { ...input, wageFen: wageFen + raiseFen });
          const sum = lower.lines.reduce((total, line) => total + line.amountFen, 0);
          expect(lower.totals.totalFen).toBe(sum);
          expect(lower.totals.employerFen + lower.totals.employeeFen).toBe(sum);
          lower.lines.forEach((line, index) => {
            expect(higher.lines[index]!.amountFen).toBeGreaterThanOrEqual(line.amountFen);
            expect(line.personalAccountFen).toBeLessThanOrEqual(line.amountFen);
          });
        },
      ),
    );
  });
});

describe('assessPersonMonth', () => {
  it('gives the same amounts as the calculator for any wage, region and class', () => {
    const regions = [
      ['110000', '2025-07'],
      ['310000', '2024-08'],
      ['440100', '2025-09'],
      ['440300', '2026-02'],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...regions),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(500_000, 800_000, 1_000_000, 1_200_000, 1_500_000),
        ([regionCode, period], wageFen, injuryClass, injuryFloatPpm) => {
          const input = { regionCode, period, category: 'employee', injuryClass, injuryFloatPpm } as const;
          const result = calculateContributions(book, { ...input, wageFen });
          const row = assessPersonMonth(compileContributionSchedule(book, input), wageFen);
          expect(row.pensionEmployerFen).toBe(amount(result, 'pension', 'employer'));
          expect(row.pensionEmployeeFen).toBe(amount(result, 'pension', 'employee'));
          expect(row.medicalEmployerFen).toBe(amount(result, 'medical', 'employer'));
          expect(row.medicalEmployeeFen).toBe(amount(result, 'medical', 'employee'));
          expect(row.unemploymentEmployerFen).toBe(amount(result, 'unemployment', 'employer'));
          expect(row.unemploymentEmployeeFen).toBe(amount(result, 'unemployment', 'employee'));
          expect(row.workInjuryEmployerFen).toBe(amount(result, 'work_injury', 'employer'));
          expect(row.pensionAccountFen + row.medicalAccountFen).toBe(result.totals.personalAccountFen);
        },
      ),
    );
  });
});
