import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isRegionCode,
  parseRegionCode,
  provinceCodeOf,
  regionFallbackChain,
  regionLevel,
  type RegionLevel,
} from './region-code.ts';

describe('parseRegionCode', () => {
  it('accepts six digits in the PPCCDD structure', () => {
    for (const code of ['000000', '110000', '440300', '110105', '419001']) {
      expect(parseRegionCode(code)).toBe(code);
      expect(isRegionCode(code)).toBe(true);
    }
  });

  it('says what is wrong with anything else', () => {
    expect(() => parseRegionCode('11010')).toThrow(
      'region: "11010" is not a region code: it must be exactly 6 digits',
    );
    expect(() => parseRegionCode('11010a')).toThrow('exactly 6 digits');
    expect(() => parseRegionCode(' 110105')).toThrow('exactly 6 digits');
    expect(() => parseRegionCode('000100', 'pooling region')).toThrow(
      'pooling region: "000100" is not a region code: a province part of 00 is only used for the whole country, 000000',
    );
    expect(() => parseRegionCode('110005')).toThrow('a county code needs a prefecture part other than 00');
    expect(isRegionCode(110105)).toBe(false);
  });
});

describe('regionLevel', () => {
  it('reads the level from the trailing zeros', () => {
    expect(regionLevel('000000')).toBe('national');
    expect(regionLevel('110000')).toBe('province');
    expect(regionLevel('110100')).toBe('prefecture');
    expect(regionLevel('110105')).toBe('county');
    expect(regionLevel('419000')).toBe('prefecture');
  });
});

describe('regionFallbackChain', () => {
  it('walks county -> prefecture -> province -> national', () => {
    expect(regionFallbackChain('110105')).toEqual(['110105', '110100', '110000', '000000']);
    expect(regionFallbackChain('419001')).toEqual(['419001', '419000', '410000', '000000']);
  });

  it('starts at the level the code names, without repeating a code', () => {
    expect(regionFallbackChain('440300')).toEqual(['440300', '440000', '000000']);
    expect(regionFallbackChain('440000')).toEqual(['440000', '000000']);
    expect(regionFallbackChain('000000')).toEqual(['000000']);
  });

  it('refuses a malformed code', () => {
    expect(() => regionFallbackChain('1101')).toThrow(RangeError);
  });
});

describe('provinceCodeOf', () => {
  it('keeps the province part', () => {
    expect(provinceCodeOf('440305')).toBe('440000');
    expect(provinceCodeOf('440000')).toBe('440000');
    expect(provinceCodeOf('000000')).toBeUndefined();
  });
});

describe('region code properties', () => {
  const twoDigits = (min: number) => fc.integer({ min, max: 99 }).map((n) => String(n).padStart(2, '0'));
  const code = fc.oneof(
    fc.constant('000000'),
    twoDigits(1).map((p) => `${p}0000`),
    fc.tuple(twoDigits(1), twoDigits(1)).map(([p, c]) => `${p}${c}00`),
    fc.tuple(twoDigits(1), twoDigits(1), twoDigits(1)).map(([p, c, d]) => `${p}${c}${d}`),
  );
  const depth: Record<RegionLevel, number> = { national: 0, province: 1, prefecture: 2, county: 3 };

  it('runs from the code itself to the country, one level up at a time, each step a prefix of the last', () => {
    fc.assert(
      fc.property(code, (c) => {
        const chain = regionFallbackChain(c);
        expect(chain[0]).toBe(c);
        expect(chain.at(-1)).toBe('000000');
        expect(chain).toHaveLength(depth[regionLevel(c)] + 1);
        expect(new Set(chain).size).toBe(chain.length);
        for (let i = 1; i < chain.length; i++) {
          expect(depth[regionLevel(chain[i]!)]).toBe(depth[regionLevel(chain[i - 1]!)] - 1);
          const kept = chain[i]!.replace(/0+$/, '');
          expect(chain[i - 1]!.startsWith(kept)).toBe(true);
        }
      }),
    );
  });

  it('continues the chain of its next step', () => {
    fc.assert(
      fc.property(code, (c) => {
        const chain = regionFallbackChain(c);
        if (chain.length > 1) expect(regionFallbackChain(chain[1]!)).toEqual(chain.slice(1));
      }),
    );
  });

  it('ends every chain but the national one at the province of the code', () => {
    fc.assert(
      fc.property(code, (c) => {
        const chain = regionFallbackChain(c);
        expect(chain.at(-2)).toBe(provinceCodeOf(c));
      }),
    );
  });
});
