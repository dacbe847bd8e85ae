import { describe, expect, it } from 'vitest';
import { accountsInUse, incomeTable, ledgerBalances } from './fund-figures.ts';

describe('fund dashboard figures', () => {
  it('puts each account on its normal side and every ledger in order', () => {
    const balances = ledgerBalances([
      { fund: 'pension', account: 'bank', debitFen: 1_000, creditFen: 200 },
      { fund: 'pension', account: 'contribution_income', debitFen: 300, creditFen: 5_000 },
      { fund: 'collection', account: 'unapplied', debitFen: 700, creditFen: 900 },
      { fund: 'medical', account: 'receivable', debitFen: 50, creditFen: 80 },
    ]);
    expect(balances.map((ledger) => ledger.ledger)).toEqual([
      'pension',
      'medical',
      'unemployment',
      'work_injury',
      'residents_medical',
      'collection',
    ]);
    expect(balances[0]!.accounts).toEqual({ bank: 800, contribution_income: 4_700 });
    expect(balances[1]!.accounts).toEqual({ receivable: -30 });
    expect(balances[2]!.accounts).toEqual({});
    expect(balances[4]!.accounts).toEqual({});
    expect(balances[5]!.accounts).toEqual({ unapplied: 200 });
    expect(accountsInUse(balances)).toEqual(['bank', 'receivable', 'contribution_income', 'unapplied']);
  });

  it('lays the months out per fund, in month order, whatever order they arrive in', () => {
    const table = incomeTable([
      { period: '2026-02', fund: 'pension', receivedFen: 30, billedFen: 40 },
      { period: '2026-01', fund: 'pension', receivedFen: 10, billedFen: 20 },
      { period: '2026-01', fund: 'medical', receivedFen: 5, billedFen: 6 },
    ]);
    expect(table.periods).toEqual(['2026-01', '2026-02']);
    expect(table.received.pension).toEqual([10, 30]);
    expect(table.billed.pension).toEqual([20, 40]);
    expect(table.received.medical).toEqual([5, 0]);
    expect(table.received.work_injury).toEqual([0, 0]);
  });
});
