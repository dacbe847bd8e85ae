import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountLeft, explainSplit, splitMonth } from './account-drawdown.ts';

describe('splitMonth', () => {
  it('draws the account part until the balance is spent, the last month what is left', () => {
    const base = { monthlyFen: 300_000, accountPartFen: 50_000, balanceFen: 120_000 };
    expect(splitMonth({ ...base, monthsBefore: 0 })).toEqual({ accountFen: 50_000, pooledFen: 250_000 });
    expect(splitMonth({ ...base, monthsBefore: 1 })).toEqual({ accountFen: 50_000, pooledFen: 250_000 });
    expect(splitMonth({ ...base, monthsBefore: 2 })).toEqual({ accountFen: 20_000, pooledFen: 280_000 });
    expect(splitMonth({ ...base, monthsBefore: 3 })).toEqual({ accountFen: 0, pooledFen: 300_000 });
  });

  it('never draws more than the balance in all, whatever the months', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 400 }),
        (accountPartFen, balanceFen, months) => {
          let drawn = 0;
          for (let monthsBefore = 0; monthsBefore < months; monthsBefore += 1) {
            const split = splitMonth({
              monthlyFen: accountPartFen + 1000,
              accountPartFen,
              balanceFen,
              monthsBefore,
            });
            expect(split.accountFen + split.pooledFen).toBe(accountPartFen + 1000);
            drawn += split.accountFen;
          }
          expect(drawn).toBeLessThanOrEqual(balanceFen);
          expect(drawn + accountLeft(accountPartFen, balanceFen, months)).toBe(balanceFen);
        },
      ),
    );
  });

  it('refuses amounts that are not whole fen and explains itself', () => {
    expect(() => splitMonth({ monthlyFen: 1.5, accountPartFen: 0, balanceFen: 0, monthsBefore: 0 })).toThrow(
      /monthlyFen/,
    );
    const explained = explainSplit({
      monthlyFen: 1000,
      accountPartFen: 400,
      balanceFen: 500,
      monthsBefore: 1,
    });
    expect(explained.accountFen).toBe(100);
    expect(explained.explanation.formula).toContain('1.00');
  });
});
