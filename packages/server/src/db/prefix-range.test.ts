import { describe, expect, it } from 'vitest';
import { nextPrefix } from './prefix-range.ts';

describe('nextPrefix', () => {
  it('raises the last character, so every text with the prefix sorts below it', () => {
    expect(nextPrefix('北京')).toBe('北亭');
    expect(nextPrefix('ab')).toBe('ac');
    const upper = nextPrefix('北京')!;
    for (const text of ['北京', '北京云帆', '北京\u{10FFFF}'])
      expect(text < upper || text === upper).toBe(true);
    expect('北京云帆' < upper).toBe(true);
    expect('北亭' >= upper).toBe(true);
  });

  it('carries past the last code point and has no bound for a prefix of only the last code point', () => {
    expect(nextPrefix('a\u{10FFFF}')).toBe('b');
    expect(nextPrefix('\u{10FFFF}')).toBeNull();
    expect(nextPrefix('')).toBeNull();
  });
});
