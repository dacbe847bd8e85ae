import { findRegion, parseRegionCode, regionLevel, type RegionCode } from '../regions/index.ts';

/**
 * The leading digits every code inside a region shares: "44" for Guangdong, "4403" for Shenzhen, the
 * whole code for a county, "" for the country. A query for "the employers of a region" matches on it.
 */
export function regionCodePrefix(code: RegionCode): string {
  switch (regionLevel(code)) {
    case 'national':
      return '';
    case 'province':
      return code.slice(0, 2);
    case 'prefecture':
      return code.slice(0, 4);
    case 'county':
      return code;
  }
}

/**
 * Why a code cannot be a pooling region, or undefined when it can: a listed province or prefecture,
 * or a county whose prefecture is listed (counties are not in the table; see regions/region-table.ts).
 */
export function checkPoolingRegion(code: string): string | undefined {
  try {
    parseRegionCode(code);
  } catch {
    return `"${code}" is not a 6-digit GB/T 2260 region code`;
  }
  const level = regionLevel(code);
  if (level === 'national')
    return 'the whole country is not a pooling region; name a province, prefecture or county';
  const listed = level === 'county' ? `${code.slice(0, 4)}00` : code;
  if (!findRegion(listed))
    return `${listed} is not a known ${level === 'province' ? 'province' : 'prefecture'}`;
  return undefined;
}

/**
 * Why a code cannot be a household registration (hukou) region, or undefined. Old registrations may
 * carry codes since retired, so only the structure and the province are checked.
 */
export function checkHukouRegion(code: string): string | undefined {
  try {
    parseRegionCode(code);
  } catch {
    return `"${code}" is not a 6-digit GB/T 2260 region code`;
  }
  if (regionLevel(code) === 'national') return 'name a province, prefecture or county, not the whole country';
  if (!findRegion(`${code.slice(0, 2)}0000`)) return `${code.slice(0, 2)} is not a province code`;
  return undefined;
}
