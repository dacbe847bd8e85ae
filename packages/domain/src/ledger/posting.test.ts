import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPostingBalanced,
  postAllocation,
  postBenefitPayment,
  postBenefitPayroll,
  postBenefitReturn,
  postAssessment,
  postPersonalAccountCredit,
  postReceipt,
  reversePosting,
  type FundAmounts,
} from './posting.ts';

const context = { eventKey: 'assess:B1', businessDate: '2025-07-31', regionCode: '110000' };
const amounts = fc.record<FundAmounts>({
  pension: fc.integer({ min: -1e9, max: 1e9 }),
  medical: fc.integer({ min: -1e9, max: 1e9 }),
  unemployment: fc.integer({ min: -1e9, max: 1e9 }),
  work_injury: fc.integer({ min: -1e9, max: 1e9 }),
});

describe('posting templates', () => {
  it('balance within each ledger with positive entries, whatever the amounts', () => {
    fc.assert(
      fc.property(amounts, (fundAmounts) => {
        const postings = [
          ...postAssessment(context, fundAmounts),
          ...postAllocation(context, fundAmounts),
          ...postPersonalAccountCredit(context, fundAmounts),
          ...postReceipt(context, Math.abs(fundAmounts.pension) + 1),
        ];
        for (const posting of postings) {
          expect(checkPostingBalanced(posting)).toBeNull();
          expect(checkPostingBalanced(reversePosting(posting, { ...context, eventKey: 'r' }))).toBeNull();
        }
        expect(postAssessment(context, fundAmounts).every((p) => p.ledger !== 'collection')).toBe(true);
      }),
    );
  });

  it('posts one transaction per fund, skipping zero amounts, and swaps sides for credits', () => {
    const postings = postAssessment(context, { pension: 300, medical: -50, unemployment: 0, work_injury: 0 });
    expect(postings.map((p) => p.ledger)).toEqual(['pension', 'medical']);
    expect(postings[1]!.entries).toEqual([
      { account: 'contribution_income', side: 'debit', amountFen: 50 },
      { account: 'receivable', side: 'credit', amountFen: 50 },
    ]);
  });

  it('posts nothing to the collection ledger for an allocation whose funds cancel out', () => {
    // Found by the property above: -4 - 3 - 5 + 12 = 0 made a zero-amount collection entry.
    const postings = postAllocation(context, { pension: -4, medical: -3, unemployment: -5, work_injury: 12 });
    expect(postings.map((p) => p.ledger)).toEqual(['pension', 'medical', 'unemployment', 'work_injury']);
    for (const posting of postings) expect(checkPostingBalanced(posting)).toBeNull();
  });

  it('catches an unbalanced or non-positive posting', () => {
    const [posting] = postReceipt(context, 100);
    expect(checkPostingBalanced({ ...posting!, entries: [posting!.entries[0]!] })).toMatch(
      /debits 100 ≠ credits 0/,
    );
    expect(
      checkPostingBalanced({ ...posting!, entries: posting!.entries.map((e) => ({ ...e, amountFen: 0 })) }),
    ).toMatch(/not positive/);
  });
});

describe('benefit postings', () => {
  it('balance and pay out of one fund, the recovery withheld from what is owed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e10, max: 1e10 }),
        fc.integer({ min: -1e10, max: 1e10 }),
        fc.integer({ min: 0, max: 1e10 }),
        (pooledFen, accountFen, wanted) => {
          const recoveredFen = Math.max(0, Math.min(wanted, pooledFen + accountFen));
          if (pooledFen + accountFen < 0) {
            expect(() =>
              postBenefitPayroll(context, 'pension', { pooledFen, accountFen, recoveredFen }),
            ).toThrow();
            return;
          }
          const postings = postBenefitPayroll(context, 'pension', { pooledFen, accountFen, recoveredFen });
          for (const posting of postings) {
            expect(posting.ledger).toBe('pension');
            expect(checkPostingBalanced(posting)).toBeNull();
          }
          const payable = postings
            .flatMap((posting) => posting.entries)
            .filter((entry) => entry.account === 'benefits_payable');
          expect(payable.reduce((sum, entry) => sum + entry.amountFen, 0)).toBe(
            pooledFen + accountFen - recoveredFen,
          );
        },
      ),
    );
  });

  it('refuses to recover more than is paid', () => {
    expect(() =>
      postBenefitPayroll(context, 'pension', { pooledFen: 100, accountFen: 0, recoveredFen: 101 }),
    ).toThrow(/recovers more/);
  });

  it('pays from the bank and takes returned money back into benefits payable', () => {
    const [paid] = postBenefitPayment(context, 'pension', 500);
    const [returned] = postBenefitReturn(context, 'pension', 500);
    expect(paid!.entries).toEqual([
      { account: 'benefits_payable', side: 'debit', amountFen: 500 },
      { account: 'bank', side: 'credit', amountFen: 500 },
    ]);
    expect(returned!.entries).toEqual([
      { account: 'bank', side: 'debit', amountFen: 500 },
      { account: 'benefits_payable', side: 'credit', amountFen: 500 },
    ]);
    expect(postBenefitPayment(context, 'pension', 0)).toEqual([]);
  });
});
