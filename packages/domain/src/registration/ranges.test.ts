import { describe, expect, it } from 'vitest';
import { rangesOverlap } from './ranges.ts';

describe('rangesOverlap (inclusive, open-ended when to is null)', () => {
  it('sees shared days and open ends', () => {
    expect(rangesOverlap({ from: '2025-01-01', to: '2025-03-31' }, { from: '2025-03-31', to: null })).toBe(
      true,
    );
    expect(rangesOverlap({ from: '2025-01-01', to: '2025-03-31' }, { from: '2025-04-01', to: null })).toBe(
      false,
    );
    expect(rangesOverlap({ from: '2025-05-01', to: null }, { from: '2024-01-01', to: null })).toBe(true);
    expect(rangesOverlap({ from: '2025-05', to: '2025-08' }, { from: '2024-01', to: '2025-04' })).toBe(false);
    expect(rangesOverlap({ from: '2020-01', to: null }, { from: '2022-01', to: '2022-06' })).toBe(true);
  });
});
