import { describe, expect, it } from 'vitest';
import { chinaToday, chinaYear, currentPeriod } from './agency-clock.ts';

describe('the agency clock’s calendar', () => {
  it('counts today, the month and the year in China time', () => {
    expect(chinaToday(new Date('2026-11-21T16:30:00Z'))).toBe('2026-11-22');
    expect(chinaToday(new Date('2026-11-21T15:30:00Z'))).toBe('2026-11-21');
    expect(currentPeriod(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01');
    expect(chinaYear(new Date('2026-12-31T15:59:00Z'))).toBe(2026);
  });
});
