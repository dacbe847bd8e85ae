import { describe, expect, it } from 'vitest';
import { checkCreditCode, checkIdNumber } from './identifier-checks.ts';

const today = '2026-11-22';

describe('checkIdNumber', () => {
  it('says nothing while a number is being typed correctly', () => {
    expect(checkIdNumber('', false, today)).toEqual({ state: 'incomplete' });
    expect(checkIdNumber('1101051949', false, today)).toEqual({ state: 'incomplete' });
  });

  it('names a wrong character at once', () => {
    expect(checkIdNumber('11010A', false, today)).toEqual({
      state: 'invalid',
      key: 'idNumber.characters',
      values: { position: 6, character: 'A' },
    });
    expect(checkIdNumber('1101051949123100X2', false, today)).toMatchObject({ key: 'idNumber.characters' });
  });

  it('checks the check character with the GB 11643 rule as soon as 18 characters are there', () => {
    expect(checkIdNumber('11010519491231002x', false, today)).toEqual({
      state: 'valid',
      values: { birthDate: '1949-12-31' },
    });
    expect(checkIdNumber('110105194912310021', false, today)).toMatchObject({
      state: 'invalid',
      key: 'idNumber.check-character',
      values: { expected: 'X' },
    });
  });

  it('applies every rule on leaving the field', () => {
    expect(checkIdNumber('', true, today)).toMatchObject({ key: 'idNumber.required' });
    expect(checkIdNumber('1101051949', true, today)).toMatchObject({
      key: 'idNumber.length',
      values: { count: 10 },
    });
    expect(checkIdNumber('990105194912310021', true, today)).toMatchObject({
      key: 'idNumber.province',
      values: { prefix: '99' },
    });
    expect(checkIdNumber('110105203012310027', true, today)).toMatchObject({
      key: 'idNumber.birth-date-future',
      values: { date: '2030-12-31' },
    });
    expect(checkIdNumber('110105491231002', true, today)).toMatchObject({ state: 'valid' });
  });
});

describe('checkCreditCode', () => {
  it('refuses letters a credit code never has, as typed', () => {
    expect(checkCreditCode('9135O', false)).toEqual({
      state: 'invalid',
      key: 'creditCode.characters',
      values: { position: 5, character: 'O' },
    });
  });

  it('checks both check characters when complete', () => {
    expect(checkCreditCode('91350100m000100y43', false)).toEqual({ state: 'valid', values: {} });
    expect(checkCreditCode('91350100M000100Y44', false)).toMatchObject({ key: 'creditCode.check-character' });
    expect(checkCreditCode('9135', true)).toMatchObject({ key: 'creditCode.length' });
  });
});
