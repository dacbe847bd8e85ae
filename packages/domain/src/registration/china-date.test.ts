import { describe, expect, it } from 'vitest';
import { chinaDateOf, chinaMinuteOf } from './china-date.ts';

describe('China time', () => {
  it('gives the business date and the minute eight hours ahead of UTC, across midnight and year end', () => {
    expect(chinaDateOf(new Date('2025-03-31T17:00:00Z'))).toBe('2025-04-01');
    expect(chinaMinuteOf(new Date('2026-12-06T20:08:18.452Z'))).toBe('2026-12-07 04:08');
    expect(chinaMinuteOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00');
    expect(() => chinaMinuteOf(new Date('not a time'))).toThrow(RangeError);
  });
});
