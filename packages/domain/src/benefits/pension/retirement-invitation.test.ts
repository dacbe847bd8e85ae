import { describe, expect, it } from 'vitest';
import { retirementInvitation } from './retirement-invitation.ts';

// A man born 1966-01: 12 birth months after 1965-01, delay floor(12 / 4) + 1 = 4 months, so he retires at
// 60 years 4 months, in 2026-05 (docs/RULES.md 4.10), when 180 months are the minimum.
const man = { birthMonth: '1966-01', group: 'male' as const, deemedMonths: 0 };

describe('the invitation to claim the pension', () => {
  it('invites those whose retirement month is within the next three months and who will have the minimum', () => {
    // In February, February to April can still be paid: 176 + 1 deemed + 3 = 180.
    expect(retirementInvitation({ ...man, paidMonths: 176, deemedMonths: 1, month: '2026-02' })).toEqual({
      kind: 'apply',
      retirementMonth: '2026-05',
      contributionMonths: 177,
    });
    expect(
      retirementInvitation({ ...man, paidMonths: 175, deemedMonths: 1, month: '2026-02' }),
    ).toMatchObject({
      kind: 'shortfall',
      shortfallMonths: 1,
    });
  });

  it('tells those short of it the shortfall and the options, in time', () => {
    const told = retirementInvitation({ ...man, paidMonths: 150, month: '2026-03' });
    // 150 + 2 payable months (March, April) = 152: 28 short.
    expect(told).toMatchObject({ kind: 'shortfall', shortfallMonths: 28 });
  });

  it('says nothing before the window or once the month has come', () => {
    expect(retirementInvitation({ ...man, paidMonths: 200, month: '2026-01' })).toEqual({ kind: 'none' });
    expect(retirementInvitation({ ...man, paidMonths: 200, month: '2026-05' })).toEqual({ kind: 'none' });
  });
});
