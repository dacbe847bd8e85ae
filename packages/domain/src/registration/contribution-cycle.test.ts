import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED_PARAMETERS, PolicyBook } from '../policy/index.ts';
import { addMonths, indexToPeriod, monthsBetween, periodMonth } from '../time/index.ts';
import { cycleOf, cycleStartOf, findContributionCycle, isCycleStart } from './contribution-cycle.ts';

describe('contribution-year cycle', () => {
  it('finds the July-June cycle start', () => {
    expect(cycleStartOf('2026-03', 7)).toBe('2025-07');
    expect(cycleStartOf('2025-07', 7)).toBe('2025-07');
    expect(cycleStartOf('2025-06', 7)).toBe('2024-07');
    expect(cycleOf('2025-12', 7)).toEqual({ start: '2025-07', end: '2026-06', cycleStartMonth: 7 });
  });

  it('finds the calendar-year cycle start', () => {
    expect(cycleStartOf('2025-01', 1)).toBe('2025-01');
    expect(cycleStartOf('2025-12', 1)).toBe('2025-01');
    expect(isCycleStart('2025-01', 1)).toBe(true);
    expect(isCycleStart('2025-07', 1)).toBe(false);
  });

  it('always lands on the start month, at most 11 months back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990 * 12, max: 2100 * 12 }),
        fc.integer({ min: 1, max: 12 }),
        (index, start) => {
          const period = indexToPeriod(index);
          const cycleStart = cycleStartOf(period, start);
          const back = monthsBetween(cycleStart, period);
          expect(periodMonth(cycleStart)).toBe(start);
          expect(back).toBeGreaterThanOrEqual(0);
          expect(back).toBeLessThanOrEqual(11);
          expect(cycleStartOf(addMonths(cycleStart, 11), start)).toBe(cycleStart);
        },
      ),
    );
  });

  it('refuses a start month outside 1-12', () => {
    expect(() => cycleStartOf('2025-01', 13)).toThrow(/cycleStartMonth/);
    expect(() => cycleStartOf('2025-1', 7)).toThrow(/period/);
  });

  it("takes the cycle from the region's parameter: Beijing July-June, Sichuan the calendar year", () => {
    const book = new PolicyBook(SEED_PARAMETERS);
    expect(findContributionCycle(book, '110105', '2026-02')).toMatchObject({
      start: '2025-07',
      end: '2026-06',
    });
    expect(findContributionCycle(book, '510100', '2026-02')).toMatchObject({
      start: '2026-01',
      end: '2026-12',
    });
  });
});
