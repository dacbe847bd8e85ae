/** Crockford base32 as the server writes codes: no I, L, O or U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A code as typed, in the server's form XXXX-XXXX-XXXX-XXXX (case and separators ignored, I/L read as 1,
 * O as 0), or null when it cannot be a code. Mirrors the server's normaliseVerificationCode.
 */
export function normaliseVerificationCode(input: string): string | null {
  const text = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (text.length !== 16 || [...text].some((char) => !ALPHABET.includes(char))) return null;
  return text.match(/.{4}/g)!.join('-');
}
