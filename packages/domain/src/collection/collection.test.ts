import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePayment } from './allocate-payment.ts';
import { calculateLateFee } from './late-fee.ts';

describe('calculateLateFee', () => {
  it('charges 0.05% a day from the day after the due date to the payment date', () => {
    const fee = calculateLateFee({
      principalFen: 1_000_000,
      dueDate: '2025-08-15',
      paidOn: '2025-08-25',
      dailyRatePpm: 500,
    });
    expect(fee).toMatchObject({ days: 10, feeFen: 5_000, fromDate: '2025-08-16', toDate: '2025-08-25' });
    expect(fee.explanation.sources).toContain('SIL Art. 86');
  });

  it('charges nothing on time and rounds half-up to the fen', () => {
    expect(
      calculateLateFee({
        principalFen: 1_000_000,
        dueDate: '2025-08-15',
        paidOn: '2025-08-15',
        dailyRatePpm: 500,
      }).feeFen,
    ).toBe(0);
    // 123.45 × 0.05% × 3 = 0.185175 -> 0.19
    expect(
      calculateLateFee({
        principalFen: 12_345,
        dueDate: '2025-08-15',
        paidOn: '2025-08-18',
        dailyRatePpm: 500,
      }).feeFen,
    ).toBe(19);
  });

  it('leaves out the days of an approved deferral', () => {
    const fee = calculateLateFee({
      principalFen: 1_000_000,
      dueDate: '2025-08-15',
      paidOn: '2025-09-14',
      dailyRatePpm: 500,
      deferrals: [{ from: '2025-08-01', to: '2025-08-31' }],
    });
    expect(fee).toMatchObject({ days: 14, deferredDays: 16, feeFen: 7_000 });
  });
});

describe('allocatePayment', () => {
  const bill = (id: number, pension: number, medical: number) => ({
    id,
    owedByFund: { pension, medical, unemployment: 0, work_injury: 0 },
  });

  it('pays the oldest bill first and keeps the rest as credit', () => {
    const result = allocatePayment(1_000, [bill(1, 300, 100), bill(2, 500, 0)]);
    expect(result.allocations).toEqual([
      { billId: 1, amountFen: 400, funds: { pension: 300, medical: 100, unemployment: 0, work_injury: 0 } },
      { billId: 2, amountFen: 500, funds: { pension: 500, medical: 0, unemployment: 0, work_injury: 0 } },
    ]);
    expect(result.leftFen).toBe(100);
  });

  it('splits a partial payment by what each fund is owed, and clears every fund on the last one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (payments, pension, medical) => {
          const owed = { pension, medical, unemployment: 7, work_injury: 3 };
          const total = pension + medical + 10;
          for (const amount of [...payments, total]) {
            const { allocations } = allocatePayment(amount, [{ id: 1, owedByFund: owed }]);
            for (const allocation of allocations) {
              expect(Object.values(allocation.funds).reduce((a, b) => a + b, 0)).toBe(allocation.amountFen);
              for (const fund of ['pension', 'medical', 'unemployment', 'work_injury'] as const) {
                expect(allocation.funds[fund]).toBeGreaterThanOrEqual(0);
                owed[fund] -= allocation.funds[fund];
                expect(owed[fund]).toBeGreaterThanOrEqual(0);
              }
            }
            if (Object.values(owed).every((value) => value === 0)) break;
          }
          expect(owed).toEqual({ pension: 0, medical: 0, unemployment: 0, work_injury: 0 });
        },
      ),
    );
  });
});
