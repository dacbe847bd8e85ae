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

  it('shows a table of named fields field by field, and JSON when a field has no name', () => {
    const names = { bank: '开户银行', accountName: '户名', accountNo: '账号' } as Record<string, string>;
    const fields = { label: (field: string) => names[field], colon: '：', separator: '；' };
    const account = { bank: '演示银行', accountName: '基金收入户', accountNo: '1100 0001' };
    expect(formatParameterValue('collection.bankAccount', account, fields)).toBe(
      '开户银行：演示银行；户名：基金收入户；账号：1100 0001',
    );
    expect(formatParameterValue('collection.bankAccount', { ...account, branch: 'x' }, fields)).toBe(
      JSON.stringify({ ...account, branch: 'x' }),
    );
  });
});
