import { describe, expect, it } from 'vitest';
import { formatChinaTime, formatPeriod, formatYuan } from './format.ts';

describe('formatYuan', () => {
  it('groups digits and keeps the fen exact', () => {
    expect(formatYuan(123456789)).toBe('¥1,234,567.89');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(-1200)).toBe('-¥12.00');
    expect(formatYuan(0)).toBe('¥0.00');
  });
});

describe('formatPeriod', () => {
  it('names the month in each language', () => {
    expect(formatPeriod('2026-05', 'zh-CN')).toBe('2026年5月');
    expect(formatPeriod('2026-05', 'en')).toBe('May 2026');
    expect(formatPeriod('bad', 'en')).toBe('bad');
  });
});

describe('formatChinaTime', () => {
  // 16:30 UTC is 00:30 the next day in Shanghai: the date shown is China's, not the reader's zone's.
  const instant = '2026-05-31T16:30:00Z';

  it("shows the agency's clock in the reader's language", () => {
    expect(formatChinaTime(instant, 'en')).toBe('Jun 1, 2026, 12:30 AM');
    expect(formatChinaTime(instant, 'zh-CN')).toBe('2026年6月1日 00:30');
  });

  it('spells the date out when asked', () => {
    expect(formatChinaTime(instant, 'en', 'long')).toBe('June 1, 2026 at 12:30 AM');
  });

  it('leaves text that is not an instant as it is', () => {
    expect(formatChinaTime('not a time', 'en')).toBe('not a time');
  });
});
