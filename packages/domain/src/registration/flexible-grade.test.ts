import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFlexibleBase, flexibleBaseRange } from './flexible-grade.ts';

// Beijing 2025-07: average wage 11,937.00 (ceiling 35,811 ÷ 3), so 60% = 7,162.20 and 300% = 35,811.00.
const BEIJING_AVERAGE_FEN = 1_193_700;

describe('flexible worker base (60%-300% of the average wage)', () => {
  it('accepts the bounds and refuses a fen outside them, naming the range in yuan', () => {
    expect(flexibleBaseRange(BEIJING_AVERAGE_FEN)).toMatchObject({ minFen: 716_220, maxFen: 3_581_100 });
    expect(checkFlexibleBase(BEIJING_AVERAGE_FEN, { baseFen: 716_220 })).toMatchObject({
      ok: true,
      gradePpm: 600_000,
    });
    expect(checkFlexibleBase(BEIJING_AVERAGE_FEN, { baseFen: 3_581_100 })).toMatchObject({ ok: true });
    const low = checkFlexibleBase(BEIJING_AVERAGE_FEN, { baseFen: 716_219 });
    expect(low).toMatchObject({ ok: false, field: 'baseFen' });
    expect(!low.ok && low.reason).toContain('from 7162.20 to 35811.00 yuan');
    expect(checkFlexibleBase(BEIJING_AVERAGE_FEN, { baseFen: 3_581_101 })).toMatchObject({ ok: false });
  });

  it('turns a grade into a base, and refuses a grade outside 60%-300%', () => {
    expect(checkFlexibleBase(BEIJING_AVERAGE_FEN, { gradePpm: 1_000_000 })).toMatchObject({
      ok: true,
      baseFen: BEIJING_AVERAGE_FEN,
    });
    expect(checkFlexibleBase(BEIJING_AVERAGE_FEN, { gradePpm: 700_000 })).toMatchObject({ baseFen: 835_590 });
    expect(checkFlexibleBase(BEIJING_AVERAGE_FEN, { gradePpm: 500_000 })).toMatchObject({
      ok: false,
      field: 'gradePpm',
    });
  });

  it('rounds the bounds inwards, so a base passes exactly when its share is within 60%-300%', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 50_000_000 }),
        (avg, base) => {
          const share = BigInt(base) * 1_000_000n;
          const inside = share >= BigInt(avg) * 600_000n && share <= BigInt(avg) * 3_000_000n;
          expect(checkFlexibleBase(avg, { baseFen: base }).ok).toBe(inside);
        },
      ),
    );
  });

  it('refuses a base that is not whole fen', () => {
    expect(checkFlexibleBase(BEIJING_AVERAGE_FEN, { baseFen: 800_000.5 }).ok).toBe(false);
  });
});
