import { describe, expect, it } from 'vitest';
import { formatPercentPpm } from './format-percent.ts';
import { periodList } from './period-list.ts';

describe('the person pages’ small formats', () => {
  it('writes a share in ppm as an exact percentage, without trailing zeros', () => {
    expect(formatPercentPpm(600_000)).toBe('60%');
    expect(formatPercentPpm(3_000_000)).toBe('300%');
    expect(formatPercentPpm(200_000)).toBe('20%');
    expect(formatPercentPpm(700_008)).toBe('70.0008%');
    expect(formatPercentPpm(85_000)).toBe('8.5%');
  });

  it('lists months in the reader’s language and cuts a long list short', () => {
    expect(periodList(['2026-01', '2026-02'], 'zh-CN', '等')).toBe('2026年1月、2026年2月');
    expect(periodList(['2026-01', '2026-02'], 'en', 'and more')).toBe('Jan 2026, Feb 2026');
    const many = ['2025-01', '2025-02', '2025-03'];
    expect(periodList(many, 'en', 'and more', 2)).toBe('Jan 2025, Feb 2025 and more');
  });
});
