import { describe, expect, it } from 'vitest';
import { RESIDENT_ID_PROVINCE_PREFIXES } from '../identifiers/index.ts';
import { provinceCodeOf, regionLevel } from './region-code.ts';
import { findRegion, listRegions, provinceOf } from './region-table.ts';

describe('the region table', () => {
  const regions = listRegions();

  it('holds 34 province-level divisions and their prefecture-level ones, sorted by code', () => {
    expect(regions.filter((r) => r.level === 'province')).toHaveLength(34);
    expect(regions.filter((r) => r.level === 'prefecture').length).toBeGreaterThanOrEqual(333);
    expect(regions.map((r) => r.code)).toEqual(regions.map((r) => r.code).toSorted());
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
  });

  it('is consistent with the code structure', () => {
    for (const region of regions) {
      expect(regionLevel(region.code), region.code).toBe(region.level);
      expect(region.name, region.code).toMatch(/\p{Script=Han}/u);
      if (region.level === 'province') expect(region.parentCode).toBeNull();
      else {
        expect(region.parentCode).toBe(provinceCodeOf(region.code));
        expect(findRegion(region.parentCode!)?.level).toBe('province');
      }
    }
  });

  it('keeps the municipalities with their 1101-type groups', () => {
    for (const code of ['110100', '120100', '310100', '500100', '500200']) {
      expect(findRegion(code)?.level, code).toBe('prefecture');
    }
    expect(findRegion('110000')?.name).toBe('北京市');
  });

  it('includes Taiwan, Hong Kong and Macao', () => {
    expect(findRegion('710000')).toEqual({
      code: '710000',
      name: '台湾省',
      level: 'province',
      parentCode: null,
    });
    expect(findRegion('810000')?.name).toBe('香港特别行政区');
    expect(findRegion('820000')?.name).toBe('澳门特别行政区');
  });

  it('has only provinces that resident IDs accept', () => {
    for (const region of regions)
      expect(RESIDENT_ID_PROVINCE_PREFIXES.has(region.code.slice(0, 2))).toBe(true);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(regions)).toBe(true);
    expect(Object.isFrozen(regions[0])).toBe(true);
  });
});

describe('findRegion and provinceOf', () => {
  it('find listed regions and report counties and unknown codes as missing', () => {
    expect(findRegion('440300')).toEqual({
      code: '440300',
      name: '深圳市',
      level: 'prefecture',
      parentCode: '440000',
    });
    expect(findRegion('440305')).toBeUndefined();
    expect(findRegion('990000')).toBeUndefined();
    expect(() => findRegion('4403')).toThrow(RangeError);
  });

  it('give the province a code lies in', () => {
    expect(provinceOf('440305')?.name).toBe('广东省');
    expect(provinceOf('110000')?.code).toBe('110000');
    expect(provinceOf('000000')).toBeUndefined();
    expect(provinceOf('990100')).toBeUndefined();
  });
});
