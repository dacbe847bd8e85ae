/**
 * Organisation code (GB 11714-1997): 8 body characters and a check character. Employers registered
 * before 2015 carry one, and it lives on as positions 9–17 of their unified social credit code.
 */
const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
// GB 11714 values letters over the full Latin alphabet (A=10 … Z=35), unlike the 31-symbol alphabet of
// the credit code around it.
const VALUES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function computeOrganisationCodeCheck(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) {
    throw new RangeError(`computeOrganisationCodeCheck: "${body8}" is not 8 digits or capital letters`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += VALUES.indexOf(body8[i]!) * WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
