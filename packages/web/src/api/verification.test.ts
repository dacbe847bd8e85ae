import { describe, expect, it } from 'vitest';
import { normaliseVerificationCode } from '@shebao/domain';

describe('normaliseVerificationCode', () => {
  it('reads a code as the server stores it, whatever the case and separators', () => {
    expect(normaliseVerificationCode('7k3m 9q2p-x4t8hb6n')).toBe('7K3M-9Q2P-X4T8-HB6N');
    expect(normaliseVerificationCode('IL0O-0000-0000-0000')).toBe('1100-0000-0000-0000');
  });

  it('refuses what cannot be a code', () => {
    expect(normaliseVerificationCode('ABCD')).toBeNull();
    expect(normaliseVerificationCode('UUUU-UUUU-UUUU-UUUU')).toBeNull();
  });
});
