import { chinaDateOf } from '@shebao/domain';
import { describe, expect, it } from 'vitest';
import { clockFor, clockShiftedTo, fixedClock, systemClock } from './clock.ts';

describe('clockShiftedTo', () => {
  it('makes today the given date in China and keeps the time of day', () => {
    // 2026-12-06 20:51 UTC is 2026-12-07 04:51 in China.
    const clock = clockShiftedTo('2027-06-30', fixedClock('2026-12-06T20:51:00.000Z'));
    expect(chinaDateOf(clock.now())).toBe('2027-06-30');
    expect(clock.now().toISOString()).toBe('2027-06-29T20:51:00.000Z');
  });

  it('keeps running: a day later it is the next day', () => {
    let nowMs = Date.parse('2026-12-31T15:59:00.000Z'); // 23:59 in China
    const base = { now: () => new Date(nowMs) };
    const clock = clockShiftedTo('2026-06-30', base);
    expect(chinaDateOf(clock.now())).toBe('2026-06-30');
    nowMs += 2 * 60_000;
    expect(chinaDateOf(clock.now())).toBe('2026-07-01');
  });
});

describe('clockFor', () => {
  it('is the machine’s clock unless the configuration fixes today', () => {
    expect(clockFor({})).toBe(systemClock);
    expect(chinaDateOf(clockFor({ today: '2025-01-31' }).now())).toBe('2025-01-31');
  });
});
