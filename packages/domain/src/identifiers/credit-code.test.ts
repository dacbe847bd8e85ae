import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, computeCreditCodeCheck, validateCreditCode } from './credit-code.ts';
import { makeCreditCode } from './generate.ts';
import { computeOrganisationCodeCheck } from './organisation-code.ts';

/** Completes 17 characters with the right final check, so only the rule under test fails. */
const withCheck = (body17: string) => body17 + computeCreditCodeCheck(body17);

describe('validateCreditCode', () => {
  it('accepts the worked example and splits it into its parts', () => {
    expect(computeCreditCodeCheck('91350100M000100Y4')).toBe('3');
    expect(validateCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      code: '91350100M000100Y43',
      registrationAuthority: '9',
      entityCategory: '1',
      regionCode: '350100',
      organisationCode: 'M000100Y4',
    });
  });

  it('accepts real-world codes, whose organisation codes pass GB 11714 too', () => {
    for (const code of [
      '914403001922038216',
      '9144030071526726XG',
      '91110000802100433B',
      '91330100716105852F',
      '91110000600037341L',
      '12440600MB2C07549J',
    ]) {
      expect(validateCreditCode(code)).toMatchObject({ ok: true, code });
    }
  });

  it('upper-cases and trims the input', () => {
    expect(validateCreditCode(' 91350100m000100y43 ')).toMatchObject({
      ok: true,
      code: '91350100M000100Y43',
    });
  });

  it('refuses a wrong length', () => {
    expect(validateCreditCode('91350100M000100Y4')).toEqual({
      ok: false,
      rule: 'length',
      reason: 'A unified social credit code has 18 characters, but this one has 17.',
    });
    expect(validateCreditCode('')).toMatchObject({ rule: 'length' });
  });

  it('refuses I, O, S, V, Z and other characters outside the alphabet', () => {
    for (const letter of 'IOSVZ-') {
      expect(validateCreditCode(`91350100M000100Y4${letter}`)).toMatchObject({
        ok: false,
        rule: 'characters',
      });
    }
    expect(validateCreditCode('91350100O000100Y43')).toMatchObject({
      reason:
        'Character 9 is "O", but only digits and capital letters other than I, O, S, V and Z may stand there.',
    });
  });

  it('refuses letters in the region code', () => {
    expect(validateCreditCode(withCheck('9135A100M000100Y4'))).toEqual({
      ok: false,
      rule: 'region-code',
      reason: 'Characters 3–8 should be a six-digit region code, not 35A100.',
    });
  });

  it('names the expected check character', () => {
    expect(validateCreditCode('91350100M000100Y44')).toEqual({
      ok: false,
      rule: 'check-character',
      reason: 'The check character should be 3, not 4.',
    });
  });

  it('refuses an organisation code with a wrong check even when position 18 fits', () => {
    expect(validateCreditCode(withCheck('91350100M000100Y5'))).toEqual({
      ok: false,
      rule: 'organisation-code-check',
      reason: 'The organisation code M000100Y5 (characters 9–17) should end in 4, not 5.',
    });
  });

  it('refuses a bad body in computeCreditCodeCheck', () => {
    expect(() => computeCreditCodeCheck('91350100M000100Y')).toThrow(RangeError);
    expect(() => computeCreditCodeCheck('91350100I000100Y4')).toThrow(RangeError);
  });
});

describe('computeOrganisationCodeCheck', () => {
  it('follows GB 11714, with 10 written X and 11 written 0', () => {
    expect(computeOrganisationCodeCheck('M000100Y')).toBe('4');
    expect(computeOrganisationCodeCheck('19220382')).toBe('1');
    expect(computeOrganisationCodeCheck('71526726')).toBe('X');
    expect(computeOrganisationCodeCheck('10007919')).toBe('0');
  });

  it('values letters over the full Latin alphabet', () => {
    // Z is 35 in GB 11714, though the credit code alphabet has no Z
    expect(computeOrganisationCodeCheck('Z0000000')).toBe(String(11 - ((35 * 3) % 11)));
  });

  it('refuses a bad body', () => {
    expect(() => computeOrganisationCodeCheck('1922038')).toThrow(RangeError);
    expect(() => computeOrganisationCodeCheck('1922038a')).toThrow(RangeError);
  });
});

describe('credit code properties', () => {
  const symbol = fc.constantFrom(...CREDIT_CODE_ALPHABET);
  const region = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0'));
  const organisation = fc.oneof(
    fc.integer({ min: 0, max: 99_999_999 }),
    fc.array(symbol, { minLength: 8, maxLength: 8 }).map((chars) => chars.join('')),
  );
  const code = fc
    .tuple(region, organisation, symbol, symbol)
    .map(([r, o, authority, category]) =>
      makeCreditCode(r, o, { registrationAuthority: authority, entityCategory: category }),
    );

  it('validates every generated code', () => {
    fc.assert(
      fc.property(code, (c) => {
        expect(validateCreditCode(c)).toMatchObject({ ok: true, code: c });
      }),
    );
  });

  it('refuses every code with one character changed', () => {
    fc.assert(
      fc.property(code, fc.integer({ min: 0, max: 17 }), symbol, (c, position, replacement) => {
        fc.pre(c[position] !== replacement);
        const changed = c.slice(0, position) + replacement + c.slice(position + 1);
        expect(validateCreditCode(changed).ok).toBe(false);
      }),
    );
  });
});
