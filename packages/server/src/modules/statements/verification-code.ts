import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 80 random bits as 16 characters in four groups: XXXX-XXXX-XXXX-XXXX. */
export function newVerificationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = 0; i < 16; i += 1) {
    text = ALPHABET[Number(bits & 31n)]! + text;
    bits >>= 5n;
  }
  return group(text);
}

/**
 * The stored form of a code as typed: case and separators ignored, I/L read as 1 and O as 0. Returns
 * null when it cannot be a code at all.
 */
export function normaliseVerificationCode(input: string): string | null {
  const text = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (text.length !== 16) return null;
  for (const char of text) if (!ALPHABET.includes(char)) return null;
  return group(text);
}

function group(text: string): string {
  return text.match(/.{4}/g)!.join('-');
}
