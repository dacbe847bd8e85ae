import { validateCreditCode } from '@shebao/domain';
import { describe, expect, it } from 'vitest';
import { buildSampleStatement, csvLine, STATEMENT_HEADER } from './sample-statement.ts';

describe('the sample bank statement', () => {
  const payer = { code: '91110105MA0000000X', name: '北京某某, 有限公司', amountFen: 1_234_56 };

  it('holds a transfer from the payer and one from an unknown but well-formed company', () => {
    const text = buildSampleStatement({ payer, regionCode: '110000', paidOn: '2026-11-20', nonce: 'abc' });
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(STATEMENT_HEADER);
    expect(lines[1]).toBe('SAMPLE-abc-1,91110105MA0000000X,"北京某某, 有限公司",1234.56,2026-11-20');
    const unknown = lines[2]!.split(',');
    expect(unknown[0]).toBe('SAMPLE-abc-2');
    expect(validateCreditCode(unknown[1]!).ok).toBe(true);
    expect(unknown[1]).not.toBe(payer.code);
  });

  it('gives each download its own references, and has only the unknown row without a payer', () => {
    const a = buildSampleStatement({ payer: null, regionCode: '110000', paidOn: '2026-11-20', nonce: 'a' });
    const b = buildSampleStatement({ payer: null, regionCode: '110000', paidOn: '2026-11-20', nonce: 'b' });
    expect(a.trimEnd().split('\r\n')).toHaveLength(2);
    expect(a).not.toBe(b);
  });

  it('quotes fields with commas and quotes', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"'])).toBe('a,"b,c","say ""hi"""');
  });
});
