/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives. */
export const VERIFICATION_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A statement's verification code as typed, in its stored form XXXX-XXXX-XXXX-XXXX: case and
 * separators ignored, I/L read as 1 and O as 0. Null when it cannot be a code at all. The server and
 * the web app's verification page share it.
 */
export function normaliseVerificationCode(input: string): string | null {
  const text = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (text.length !== 16) return null;
  for (const char of text) if (!VERIFICATION_CODE_ALPHABET.includes(char)) return null;
  return groupVerificationCode(text);
}

/** 16 characters in four groups of four. */
export function groupVerificationCode(text: string): string {
  return text.match(/.{4}/g)!.join('-');
}
