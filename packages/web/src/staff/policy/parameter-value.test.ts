import { describe, expect, it } from 'vitest';
import { staffTermsZhCN } from '../../i18n/locales/pages/staff-terms.zh-cn.ts';
import { formatParameterValue, parseParameterValue, tableFieldNames } from './parameter-value.ts';

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

  it('says the standards of the death benefits in words (docs/RULES.md 14.10)', () => {
    const rules = staffTermsZhCN.deathRules as Record<string, string>;
    // A translator over the real Chinese texts: "{{name}}" placeholders filled from the options.
    const t = (key: string, options: Record<string, unknown> = {}) => {
      const text = rules[key.split('.').at(-1)!] ?? String(options.defaultValue ?? '');
      return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
    };
    const fields = tableFieldNames(t, 'zh-CN');
    expect(formatParameterValue('death.funeralGrant', { kind: 'fixed', amountFen: 500_000 }, fields)).toBe(
      '定额 ¥5,000.00',
    );
    expect(
      formatParameterValue(
        'death.survivorsBenefit',
        {
          monthlyBaseFen: 700_000,
          base: 'x',
          bands: [
            { fromYears: 0, months: 6, extraMonthsPerYear: 0 },
            { fromYears: 15, months: 9, extraMonthsPerYear: 1 },
          ],
          maxMonths: 24,
        },
        fields,
      ),
    ).toBe(
      '月基数 ¥7,000.00；缴费满 0 年：6 个月，每多 1 年加 0 个月；缴费满 15 年：9 个月，每多 1 年加 1 个月；最多 24 个月',
    );
    expect(
      formatParameterValue('death.inheritance', { excludeResidentsGovernmentSubsidy: true }, fields),
    ).toBe('城乡居民个人账户中的政府补贴不予继承');
    // A value of another shape stays JSON.
    expect(formatParameterValue('death.funeralGrant', { kind: 'other' }, fields)).toBe('{"kind":"other"}');
  });
});
