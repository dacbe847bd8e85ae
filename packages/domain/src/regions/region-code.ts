/**
 * Region codes (GB/T 2260): six digits PPCCDD — province, prefecture, county. A code with trailing
 * zeros names the higher level itself (440000 Guangdong, 440300 Shenzhen), and 000000 stands for the
 * whole country, the last step of every policy parameter lookup.
 */
export type RegionCode = string;

export type RegionLevel = 'national' | 'province' | 'prefecture' | 'county';

export const NATIONAL_REGION_CODE: RegionCode = '000000';

export function isRegionCode(value: unknown): value is RegionCode {
  return typeof value === 'string' && structureProblem(value) === undefined;
}

export function parseRegionCode(text: string, field = 'region'): RegionCode {
  const problem = structureProblem(text);
  if (problem) throw new RangeError(`${field}: "${text}" is not a region code: ${problem}`);
  return text;
}

export function regionLevel(code: RegionCode): RegionLevel {
  const checked = parseRegionCode(code);
  if (checked === NATIONAL_REGION_CODE) return 'national';
  if (checked.endsWith('0000')) return 'province';
  if (checked.endsWith('00')) return 'prefecture';
  return 'county';
}

/**
 * The codes a lookup tries in order, most specific first: county -> prefecture -> province -> national.
 * A code that already names a higher level starts there, so no code appears twice.
 */
export function regionFallbackChain(code: RegionCode): RegionCode[] {
  const checked = parseRegionCode(code);
  const chain = [checked, `${checked.slice(0, 4)}00`, `${checked.slice(0, 2)}0000`, NATIONAL_REGION_CODE];
  return chain.filter((step, index) => chain.indexOf(step) === index);
}

/** The province-level code a region belongs to, e.g. 440305 -> 440000; the country has none. */
export function provinceCodeOf(code: RegionCode): RegionCode | undefined {
  const checked = parseRegionCode(code);
  return checked === NATIONAL_REGION_CODE ? undefined : `${checked.slice(0, 2)}0000`;
}

function structureProblem(text: string): string | undefined {
  if (!/^\d{6}$/.test(text)) return 'it must be exactly 6 digits';
  if (text.startsWith('00') && text !== NATIONAL_REGION_CODE) {
    return 'a province part of 00 is only used for the whole country, 000000';
  }
  if (text.slice(2, 4) === '00' && text.slice(4) !== '00') {
    return 'a county code needs a prefecture part other than 00';
  }
  return undefined;
}
