import { describe, expect, it } from 'vitest';
import { formatParameterValue, parseParameterValue } from './parameter-value.ts';

describe('policy parameter values as staff type and read them', () => {
  it('reads yuan into fen and percent into ppm, without floats', () => {
    expect(parseParameterValue('base.averageWage', '11937.5')).toEqual({ ok: true, value: 1_193_750 });
    expect(parseParameterValue('contribution.rate', '16')).toEqual({ ok: true, value: 160_000 });
    expect(parseParameterValue('contribution.rate', '0.45%')).toEqual({ ok: true, value: 4_500 });
  });

  it('refuses what does not fit the kind, and an empty value', () => {
    expect(parseParameterValue('base.averageWage', '1.234')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseParameterValue('contribution.rounding', 'nearest')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseParameterValue('contribution.rounding', 'up-jiao')).toEqual({ ok: true, value: 'up-jiao' });
    expect(parseParameterValue('no.such.parameter', '1')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseParameterValue('base.floor', '  ')).toEqual({ ok: false, reason: 'required' });
  });

  it('shows amounts in yuan and rates in percent', () => {
    expect(formatParameterValue('base.floor', 716_200)).toBe('¥7,162.00');
    expect(formatParameterValue('contribution.rate', 160_000)).toBe('16%');
    expect(formatParameterValue('unknown.thing', { a: 1 })).toBe('{"a":1}');
  });
});
