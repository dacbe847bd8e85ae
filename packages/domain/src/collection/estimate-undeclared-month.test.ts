import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyPersonMonth, personMonthTotalFen, type PersonMonthAmounts } from '../contribution/index.ts';
import { estimateUndeclaredMonth } from './estimate-undeclared-month.ts';

const previous: PersonMonthAmounts = {
  ...emptyPersonMonth(),
  pensionBaseFen: 1_000_000,
  medicalBaseFen: 1_000_000,
  unemploymentBaseFen: 1_000_000,
  workInjuryBaseFen: 1_000_000,
  pensionEmployerFen: 160_000,
  pensionEmployeeFen: 80_000,
  medicalEmployerFen: 90_000,
  medicalEmployeeFen: 20_300,
  maternityEmployerFen: 8_000,
  unemploymentEmployerFen: 5_000,
  unemploymentEmployeeFen: 5_000,
  workInjuryEmployerFen: 2_005,
  pensionAccountFen: 80_000,
  medicalAccountFen: 20_000,
};

describe('estimateUndeclaredMonth (SIL Art. 62)', () => {
  it('is 110% of the previous month, column by column, with no personal-account part', () => {
    const estimate = estimateUndeclaredMonth(
      { method: 'previous-month', basisPeriod: '2025-06', basis: previous, headcount: 1 },
      1_100_000,
    );
    expect(estimate.amounts.pensionEmployerFen).toBe(176_000);
    expect(estimate.amounts.medicalEmployeeFen).toBe(22_330);
    // 2,005 × 1.1 = 2,205.5 fen, half-up to 2,206.
    expect(estimate.amounts.workInjuryEmployerFen).toBe(2_206);
    expect(estimate.amounts.pensionBaseFen).toBe(1_100_000);
    expect(estimate.amounts.pensionAccountFen).toBe(0);
    expect(estimate.amounts.medicalAccountFen).toBe(0);
    expect(personMonthTotalFen(estimate.amounts)).toBe(407_336);
    expect(estimate.explanation.formula).toBe('3703.05 × 110% = 4073.36');
    expect(estimate.explanation.sources).toContain('SIL Art. 62');
    expect(estimate.explanation.inputs.basisPeriod).toBe('2025-06');
  });

  it('never differs from 110% of the total by more than half a fen per column', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000_000 }), { minLength: 8, maxLength: 8 }),
        (xs) => {
          const basis = { ...emptyPersonMonth() };
          const keys = [
            'pensionEmployerFen',
            'pensionEmployeeFen',
            'medicalEmployerFen',
            'medicalEmployeeFen',
            'maternityEmployerFen',
            'unemploymentEmployerFen',
            'unemploymentEmployeeFen',
            'workInjuryEmployerFen',
          ] as const;
          keys.forEach((key, index) => (basis[key] = xs[index]!));
          const estimate = estimateUndeclaredMonth(
            { method: 'headcount', basisPeriod: null, basis, headcount: 3 },
            1_100_000,
          );
          const exactTimesTen = personMonthTotalFen(basis) * 11;
          const gotTimesTen = personMonthTotalFen(estimate.amounts) * 10;
          expect(Math.abs(gotTimesTen - exactTimesTen)).toBeLessThanOrEqual(8 * 5);
        },
      ),
    );
  });
});
