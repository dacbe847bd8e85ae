import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time/index.ts';
import { makeResidentId } from './generate.ts';
import { RESIDENT_ID_PROVINCE_PREFIXES } from './province-prefixes.ts';
import { computeResidentIdCheck, maskResidentId, validateResidentId } from './resident-id.ts';

/** Builds an 18-character ID with a correct check character, so only the rule under test fails. */
const withCheck = (body17: string) => body17 + computeResidentIdCheck(body17);

describe('validateResidentId', () => {
  it('accepts the GB 11643 worked example and reads birth date, sex and province', () => {
    expect(validateResidentId('11010519491231002X')).toEqual({
      ok: true,
      id: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      provinceCode: '11',
      converted: false,
    });
  });

  it('computes the check character of the worked examples', () => {
    expect(computeResidentIdCheck('11010519491231002')).toBe('X');
    expect(computeResidentIdCheck('44030419900307001')).toBe('8');
    expect(validateResidentId('440304199003070018')).toMatchObject({ ok: true, sex: 'male' });
  });

  it('accepts a lower-case x and surrounding spaces, and returns the normalised form', () => {
    expect(validateResidentId(' 11010519491231002x\t')).toMatchObject({ ok: true, id: '11010519491231002X' });
  });

  it('refuses a wrong length', () => {
    for (const text of ['', '1101051949123100', '11010519491231002', '11010519491231002X0']) {
      expect(validateResidentId(text)).toMatchObject({ ok: false, rule: 'length' });
    }
    expect(validateResidentId('11010519491231002')).toMatchObject({
      reason: 'A resident ID has 18 characters (or 15 digits for an old one), but this one has 17.',
    });
  });

  it('refuses letters in the body and anything but a digit or X at the end', () => {
    expect(validateResidentId('1101A519491231002X')).toEqual({
      ok: false,
      rule: 'characters',
      reason: 'Character 5 is "A", but only a digit may stand there.',
    });
    expect(validateResidentId('1101051949123100XX')).toMatchObject({ rule: 'characters' });
    expect(validateResidentId('11010519491231002Y')).toMatchObject({
      rule: 'characters',
      reason: 'Character 18 is "Y", but only a digit or X may stand there.',
    });
    expect(validateResidentId('１１0105194912310021')).toMatchObject({ rule: 'characters' });
  });

  it('names the expected check character', () => {
    expect(validateResidentId('110105194912310021')).toEqual({
      ok: false,
      rule: 'check-character',
      reason: 'The check character should be X, not 1.',
    });
  });

  it('refuses a birth date that is not on the calendar', () => {
    expect(validateResidentId(withCheck('11010519491331002'))).toEqual({
      ok: false,
      rule: 'birth-date',
      reason: 'The birth date 1949-13-31 is not a real calendar date.',
    });
    expect(validateResidentId(withCheck('11010519490230002'))).toMatchObject({ rule: 'birth-date' });
    expect(validateResidentId(withCheck('11010519490100002'))).toMatchObject({ rule: 'birth-date' });
    expect(validateResidentId(withCheck('11010517991231002'))).toMatchObject({ rule: 'birth-date' });
  });

  it('accepts 29 February only in leap years', () => {
    for (const year of ['1996', '2000', '2024']) {
      expect(validateResidentId(withCheck(`110105${year}0229002`))).toMatchObject({
        ok: true,
        birthDate: `${year}-02-29`,
      });
    }
    for (const year of ['1900', '1999', '2023']) {
      expect(validateResidentId(withCheck(`110105${year}0229002`))).toMatchObject({ rule: 'birth-date' });
    }
  });

  it('refuses a birth date after today only when today is given', () => {
    const id = withCheck('11010520300101002');
    expect(validateResidentId(id)).toMatchObject({ ok: true });
    expect(validateResidentId(id, { today: '2029-12-31' })).toEqual({
      ok: false,
      rule: 'birth-date-future',
      reason: 'The birth date 2030-01-01 is after today, 2029-12-31.',
    });
    expect(validateResidentId(id, { today: '2030-01-01' })).toMatchObject({ ok: true });
    expect(() => validateResidentId(id, { today: '2030-02-30' })).toThrow(RangeError);
  });

  it('checks the province prefix but not the county', () => {
    expect(validateResidentId(withCheck('99010519491231002'))).toEqual({
      ok: false,
      rule: 'province',
      reason: 'The address code 990105 starts with 99, which is not a province code.',
    });
    expect(validateResidentId(withCheck('00000019491231002'))).toMatchObject({ rule: 'province' });
    // a foreign permanent-residence card number (2023) starts with 9 and is not a resident ID
    expect(validateResidentId(withCheck('93115619900101001'))).toMatchObject({ rule: 'province' });
    // 119999 was never a county; an ID keeps its first address code even when the county is abolished
    expect(validateResidentId(withCheck('11999919491231002'))).toMatchObject({ ok: true });
  });

  it('accepts Taiwan, Hong Kong and Macao, and the residence permits for their residents', () => {
    for (const prefix of ['710000', '810000', '820000', '830000']) {
      expect(validateResidentId(withCheck(`${prefix}19800101001`))).toMatchObject({
        ok: true,
        provinceCode: prefix.slice(0, 2),
      });
    }
    expect(RESIDENT_ID_PROVINCE_PREFIXES.size).toBe(35);
  });

  it('converts a 15-digit legacy number by adding the century and the check character', () => {
    expect(validateResidentId('110105491231002')).toEqual({
      ok: true,
      id: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      provinceCode: '11',
      converted: true,
    });
    expect(validateResidentId('440304900307001')).toMatchObject({ id: '440304199003070018', sex: 'male' });
  });

  it('applies the same rules to legacy numbers', () => {
    expect(validateResidentId('11010549123100X')).toEqual({
      ok: false,
      rule: 'characters',
      reason: 'Character 15 of the 15-digit ID is "X", but only digits may stand there.',
    });
    expect(validateResidentId('110105490229002')).toMatchObject({ rule: 'birth-date' });
    expect(validateResidentId('110105480229002')).toMatchObject({ ok: true, birthDate: '1948-02-29' });
    expect(validateResidentId('990105491231002')).toMatchObject({ rule: 'province' });
  });

  it('refuses a bad body in computeResidentIdCheck', () => {
    expect(() => computeResidentIdCheck('1101051949123100')).toThrow(RangeError);
    expect(() => computeResidentIdCheck('1101051949123100X')).toThrow(RangeError);
  });
});

describe('maskResidentId', () => {
  it('keeps the address code and the last four characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
    expect(maskResidentId('11010519491231002x')).toBe('110105********002X');
    expect(maskResidentId('110105491231002')).toBe('110105*****1002');
  });

  it('hides everything in text too short to keep both ends apart', () => {
    expect(maskResidentId('1101051949')).toBe('**********');
    expect(maskResidentId('')).toBe('');
  });
});

describe('resident ID properties', () => {
  const prefix = fc.constantFrom(...RESIDENT_ID_PROVINCE_PREFIXES);
  const region = fc
    .tuple(prefix, fc.integer({ min: 0, max: 9999 }))
    .map(([p, rest]) => p + String(rest).padStart(4, '0'));
  const birthDate = fc.integer({ min: 0, max: 45_000 }).map((days) => addDays('1900-01-01', days));
  const sequence = fc.integer({ min: 0, max: 999 });

  it('validates every generated ID and reads back its birth date and sex', () => {
    fc.assert(
      fc.property(region, birthDate, sequence, (code, date, seq) => {
        const result = validateResidentId(makeResidentId(code, date, seq), { today: '2030-12-31' });
        expect(result).toMatchObject({
          ok: true,
          birthDate: date,
          sex: seq % 2 === 1 ? 'male' : 'female',
          provinceCode: code.slice(0, 2),
          converted: false,
        });
      }),
    );
  });

  it('converts a legacy number to the ID that carries the same data', () => {
    const twentiethCentury = fc.integer({ min: 0, max: 36_523 }).map((days) => addDays('1900-01-01', days));
    fc.assert(
      fc.property(region, twentiethCentury, sequence, (code, date, seq) => {
        const id = makeResidentId(code, date, seq);
        const legacy = id.slice(0, 6) + id.slice(8, 17);
        expect(validateResidentId(legacy)).toMatchObject({ ok: true, id, converted: true });
      }),
    );
  });

  it('refuses every ID with one character changed', () => {
    fc.assert(
      fc.property(
        region,
        birthDate,
        sequence,
        fc.integer({ min: 0, max: 17 }),
        fc.constantFrom(...'0123456789X'),
        (code, date, seq, position, replacement) => {
          const id = makeResidentId(code, date, seq);
          fc.pre(id[position] !== replacement);
          const changed = id.slice(0, position) + replacement + id.slice(position + 1);
          expect(validateResidentId(changed).ok).toBe(false);
        },
      ),
    );
  });
});
