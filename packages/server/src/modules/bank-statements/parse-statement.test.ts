import { describe, expect, it } from 'vitest';
import { describeRowReason } from './row-reasons.ts';
import { parseStatement } from './parse-statement.ts';

const HEADER = 'bank_reference,payer_code,payer_name,amount,paid_on';
const TODAY = '2025-08-20';

describe('parseStatement', () => {
  it('reads quoted fields, thousands separators, a BOM and Windows line ends, counting lines as an editor does', () => {
    const lines = parseStatement(
      `\uFEFF${HEADER}\r\nR1,CODE,"Acme, Ltd",1234.5,2025-08-01\r\n\r\nR2,CODE,"Say ""hi""","1,234,567.89",2025-08-20\r\n`,
      TODAY,
    );
    expect(lines).toEqual([
      {
        lineNo: 2,
        bankReference: 'R1',
        payerCode: 'CODE',
        payerName: 'Acme, Ltd',
        amountFen: 123_450,
        paidOn: '2025-08-01',
        problems: [],
      },
      {
        lineNo: 4,
        bankReference: 'R2',
        payerCode: 'CODE',
        payerName: 'Say "hi"',
        amountFen: 123_456_789,
        paidOn: '2025-08-20',
        problems: [],
      },
    ]);
  });

  it('takes the columns in any order, in any case, and ignores extra ones', () => {
    const [line] = parseStatement(
      'Paid_On,Amount,Memo,Payer_Code,Payer_Name,Bank_Reference\n2025-08-01,5,x,C,N,R\n',
      TODAY,
    );
    expect(line).toMatchObject({ bankReference: 'R', payerCode: 'C', amountFen: 500, paidOn: '2025-08-01' });
  });

  it('names every problem of a line, and a broken line never swallows the next', () => {
    const lines = parseStatement(
      [
        HEADER,
        'R1,C,N,-5,2025-02-30',
        'R2,"C,N,1.00,2025-08-01',
        'R3,C,N,1.00',
        ',C,N,0.001,2025-08-21',
        'R1,C,N,1.00,2025-08-01',
        'R4,,,abc,',
        'R5,C,N,1.00,2025-08-01',
      ].join('\n'),
      TODAY,
    );
    expect(lines.map((line) => [line.lineNo, line.problems.map(describeRowReason)])).toEqual([
      [
        2,
        [
          'amount: "-5" must be more than zero',
          'paid_on: "2025-02-30" is not a calendar date in the form YYYY-MM-DD',
        ],
      ],
      [3, ['not valid CSV: a quoted field is not closed']],
      [4, ['has 4 fields, the header has 5']],
      [
        5,
        [
          'bank_reference: missing',
          'amount: "0.001" has more than 2 decimal places',
          'paid_on: 2025-08-21 is after today, 2025-08-20',
        ],
      ],
      [6, ['bank_reference: R1 already appears on line 2']],
      [7, ['amount: "abc" is not a decimal number', 'paid_on: missing']],
      [8, []],
    ]);
    // Each reason is also a code with the values it names, for the web app to say in Chinese.
    expect(lines.map((line) => line.problems.map((problem) => problem.code))).toEqual([
      ['amount-not-positive', 'paid-on-not-a-date'],
      ['not-csv'],
      ['field-count'],
      ['reference-missing', 'amount-too-many-decimals', 'paid-on-future'],
      ['reference-repeated'],
      ['amount-unreadable', 'paid-on-missing'],
      [],
    ]);
    expect(lines[1]!.problems[0]!.params).toMatchObject({ kind: 'quote-not-closed' });
    expect(lines[4]!.problems[0]!.params).toEqual({ reference: 'R1', firstLine: 2 });
    // A missing payer is not a malformed line: the money arrived, and staff can name the payer.
    expect(lines[5]).toMatchObject({ payerCode: null, payerName: null });
  });

  it('tells a day before contributions existed from a day that is no date', () => {
    const lines = parseStatement(
      [HEADER, 'R1,C,N,1.00,1985-06-01', 'R2,C,N,1.00,0000-00-00'].join('\n'),
      TODAY,
    );
    expect(lines.map((line) => line.problems)).toEqual([
      [{ code: 'paid-on-too-early', params: { text: '1985-06-01', earliest: '1991-01-01' } }],
      [{ code: 'paid-on-not-a-date', params: { text: '0000-00-00' } }],
    ]);
  });

  it('refuses a file without its header columns or without rows', () => {
    expect(() => parseStatement('', TODAY)).toThrow(/content: the file is empty/);
    expect(() => parseStatement('bank_reference,amount\nR1,5\n', TODAY)).toThrow(
      /header \(line 1\): missing column payer_code, payer_name, paid_on/,
    );
    expect(() => parseStatement(`\n${HEADER}\n\n`, TODAY)).toThrow(/no rows after the header/);
  });
});
