import { describe, expect, it } from 'vitest';
import { paymentFileText, readControlRow, readReturnRows } from './bank-file.ts';
import { payingBankOf } from './paying-bank.ts';

describe('bank payment files', () => {
  it('write one row per payment and a control row with the count and total', () => {
    const text = paymentFileText([
      { reference: '17', account: '6222020000000001', name: 'Wang, Fang', amountFen: 345_678 },
      { reference: '18', account: '6217000000000002', name: '李"明"', amountFen: 100 },
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines[1]).toBe('17,6222020000000001,"Wang, Fang",3456.78');
    expect(lines[2]).toBe('18,6217000000000002,"李""明""",1.00');
    expect(readControlRow(lines[3]!)).toEqual({ count: 2, totalFen: 345_778 });
  });

  it('read a return file, naming each bad line and field', () => {
    const { rows, problems } = readReturnRows([
      ['reference', 'status', 'reason'],
      ['17', 'failed', 'account closed'],
      ['18', 'paid', ''],
      ['x', 'paid', ''],
      ['19', 'lost', ''],
      ['20', 'failed', ''],
      ['17', 'paid', ''],
    ]);
    expect(rows.map((row) => [row.reference, row.status])).toEqual([
      ['17', 'failed'],
      ['18', 'paid'],
    ]);
    expect(problems.map((problem) => [problem.lineNo, problem.field])).toEqual([
      [4, 'reference'],
      [5, 'status'],
      [6, 'reason'],
      [7, 'reference'],
    ]);
    expect(readReturnRows([['ref']]).problems[0]!.field).toBe('header');
  });

  it('find the paying bank by the longest IIN prefix, the clearing bank otherwise', () => {
    expect(payingBankOf('6222020200112233445')).toBe('ICBC');
    expect(payingBankOf('6228480000000000000')).toBe('ABC');
    expect(payingBankOf('9999000000000000')).toBe('OTHER');
  });
});
