import { describe, expect, it } from 'vitest';
import { runPeriod } from './run-period.ts';

describe('a notice run’s period', () => {
  it('reads a year as a year and a month as a month, in either language', () => {
    expect(runPeriod('2025', 'zh-CN')).toBe('2025年');
    expect(runPeriod('2025', 'en')).toBe('2025');
    expect(runPeriod('2026-05', 'zh-CN')).toBe('2026年5月');
    expect(runPeriod('2026-05', 'en')).toBe('May 2026');
  });
});
