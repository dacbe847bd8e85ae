import { describe, expect, it } from 'vitest';
import { makeCreditCode, makeResidentId } from './generate.ts';

describe('makeResidentId', () => {
  it('builds the worked example', () => {
    expect(makeResidentId('110105', '1949-12-31', 2)).toBe('11010519491231002X');
    expect(makeResidentId('440304', '1990-03-07', 1)).toBe('440304199003070018');
  });

  it('refuses parts that cannot make an ID', () => {
    expect(() => makeResidentId('11010', '1949-12-31', 2)).toThrow(RangeError);
    expect(() => makeResidentId('110105', '1949-02-30', 2)).toThrow(RangeError);
    expect(() => makeResidentId('110105', '1949-12-31', 1000)).toThrow(RangeError);
    expect(() => makeResidentId('110105', '1949-12-31', 1.5)).toThrow(RangeError);
  });
});

describe('makeCreditCode', () => {
  it('builds the worked example from its organisation body', () => {
    expect(makeCreditCode('350100', 'M000100Y')).toBe('91350100M000100Y43');
  });

  it('writes a numeric organisation serial as 8 digits and honours the authority and category', () => {
    expect(makeCreditCode('440300', 19220382)).toBe('914403001922038216');
    expect(makeCreditCode('110000', 1, { registrationAuthority: '5', entityCategory: '3' })).toMatch(
      /^53110000000000019.$/,
    );
  });

  it('refuses parts that cannot make a code', () => {
    expect(() => makeCreditCode('35010', 1)).toThrow(RangeError);
    expect(() => makeCreditCode('350100', 100_000_000)).toThrow(RangeError);
    expect(() => makeCreditCode('350100', 'M000100')).toThrow(RangeError);
    expect(() => makeCreditCode('350100', 'I0001000')).toThrow(RangeError);
    expect(() => makeCreditCode('350100', 1, { registrationAuthority: 'Z' })).toThrow(RangeError);
  });
});
