import { describe, expect, it } from 'vitest';
import { checkHukouRegion, checkPoolingRegion, regionCodePrefix } from './region-scope.ts';

describe('region scope', () => {
  it('gives the prefix shared by the codes inside a region', () => {
    expect(regionCodePrefix('440000')).toBe('44');
    expect(regionCodePrefix('440300')).toBe('4403');
    expect(regionCodePrefix('440305')).toBe('440305');
    expect(regionCodePrefix('000000')).toBe('');
  });

  it('accepts listed provinces and prefectures and counties under a listed prefecture', () => {
    expect(checkPoolingRegion('110000')).toBeUndefined();
    expect(checkPoolingRegion('440300')).toBeUndefined();
    expect(checkPoolingRegion('110105')).toBeUndefined();
    expect(checkPoolingRegion('000000')).toMatch(/whole country/);
    expect(checkPoolingRegion('11010')).toMatch(/6-digit/);
    expect(checkPoolingRegion('449900')).toMatch(/not a known prefecture/);
  });

  it('checks only the province of a hukou region, which may be a retired code', () => {
    expect(checkHukouRegion('449901')).toBeUndefined();
    expect(checkHukouRegion('990101')).toMatch(/province/);
  });
});
