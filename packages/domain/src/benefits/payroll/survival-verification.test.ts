import { describe, expect, it } from 'vitest';
import { verificationStanding } from './survival-verification.ts';

// The pension was first paid for 2025-08: cycles run August to July.
describe('survival verification', () => {
  it('counts the award for the first cycle', () => {
    expect(verificationStanding('2025-08', [], '2026-03-10')).toMatchObject({
      cycleStart: '2025-08',
      cycleEnd: '2026-07',
      verifiedThisCycle: true,
      overdue: false,
      suspendedFrom: null,
    });
  });

  it('asks for a verification in every later cycle, and pays on while the cycle runs', () => {
    expect(verificationStanding('2025-08', [], '2026-09-01')).toMatchObject({
      cycleStart: '2026-08',
      cycleEnd: '2027-07',
      verifiedThisCycle: false,
      overdue: false,
    });
  });

  it('suspends from the next cycle when a cycle ends without one, and resumes when one comes', () => {
    expect(verificationStanding('2025-08', [], '2027-08-05')).toMatchObject({
      cycleStart: '2027-08',
      overdue: true,
      suspendedFrom: '2027-08',
    });
    const verified = verificationStanding(
      '2025-08',
      [{ on: '2027-08-20', method: 'face-recognition' }],
      '2027-08-25',
    );
    expect(verified).toMatchObject({ verifiedThisCycle: true, overdue: false, lastVerifiedOn: '2027-08-20' });
  });

  it('takes a verification any time within the cycle, whatever the method', () => {
    const standing = verificationStanding('2025-08', [{ on: '2027-03-02', method: 'counter' }], '2027-09-01');
    expect(standing).toMatchObject({ cycleStart: '2027-08', verifiedThisCycle: false, overdue: false });
    // A verification dated after the day asked about does not count yet.
    expect(
      verificationStanding('2025-08', [{ on: '2027-09-02', method: 'visit' }], '2027-09-01').lastVerifiedOn,
    ).toBeNull();
  });
});
