import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../time/index.ts';
import { VERIFICATION_METHODS, verificationStanding, verifiedThrough } from './survival-verification.ts';

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

describe('verifiedThrough', () => {
  it('pays the first two cycles on the award alone', () => {
    expect(verifiedThrough('2025-08', [])).toBe('2027-07');
  });

  it('pays through the end of the cycle after the last one verified', () => {
    // Verified in the second cycle (2026-08..2027-07): the third cycle (to 2028-07) is paid.
    expect(verifiedThrough('2025-08', [{ on: '2027-03-02', method: 'counter' }])).toBe('2028-07');
    // Two missed cycles, then a verification in the fourth (2028-08..2029-07): paid to 2030-07.
    expect(verifiedThrough('2025-08', [{ on: '2028-09-15', method: 'face-recognition' }])).toBe('2030-07');
    // A verification before the first payment counts for no cycle.
    expect(verifiedThrough('2025-08', [{ on: '2025-07-31', method: 'visit' }])).toBe('2027-07');
  });

  it('agrees with verificationStanding on every day: overdue exactly when the month is after it', () => {
    const day = fc
      .record({ months: fc.integer({ min: -6, max: 96 }), day: fc.integer({ min: 1, max: 28 }) })
      .map(({ months, day: d }) => `${addMonths('2025-08', months)}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.array(fc.record({ on: day, method: fc.constantFrom(...VERIFICATION_METHODS) }), { maxLength: 6 }),
        day,
        (verifications, asOf) => {
          const known = verifications.filter((verification) => verification.on <= asOf);
          const standing = verificationStanding('2025-08', verifications, asOf);
          const through = verifiedThrough('2025-08', known);
          expect(standing.overdue).toBe(asOf.slice(0, 7) > through);
        },
      ),
      { numRuns: 500 },
    );
  });
});
