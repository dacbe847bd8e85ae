import { describe, expect, it } from 'vitest';
import { formatPeriod, formatYuan } from './format.ts';

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
