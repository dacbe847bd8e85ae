import { describe, expect, it } from 'vitest';
import { trialBalances } from './trial-balance.ts';

describe('trialBalances', () => {
  it('adds each ledger up on its own and shows what is left', () => {
    expect(
      trialBalances([
        { fund: 'pension', debitFen: 500, creditFen: 0 },
        { fund: 'medical', debitFen: 0, creditFen: 70 },
        { fund: 'pension', debitFen: 0, creditFen: 500 },
        { fund: 'medical', debitFen: 60, creditFen: 0 },
      ]),
    ).toEqual([
      { fund: 'medical', debitFen: 60, creditFen: 70, differenceFen: -10 },
      { fund: 'pension', debitFen: 500, creditFen: 500, differenceFen: 0 },
    ]);
  });
});
