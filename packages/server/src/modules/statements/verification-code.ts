import { randomBytes } from 'node:crypto';
import { groupVerificationCode, VERIFICATION_CODE_ALPHABET } from '@shebao/domain';

export { normaliseVerificationCode } from '@shebao/domain';

/** 80 random bits as 16 characters in four groups: XXXX-XXXX-XXXX-XXXX. */
export function newVerificationCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = 0; i < 16; i += 1) {
    text = VERIFICATION_CODE_ALPHABET[Number(bits & 31n)]! + text;
    bits >>= 5n;
  }
  return groupVerificationCode(text);
}
