import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { baseFileReasonKey } from './base-file-reasons.ts';
import { billStatus } from './bill-status.ts';
import { baseFileFormatOf } from './base-file-format.ts';
import { problemField } from './problem-message.ts';
import { yuanToFen } from './yuan.ts';

const row = { line: 3, row: 2, code: 'VALIDATION' };

describe("the employer pages' helpers", () => {
  it('reads typed yuan as fen, refusing what is not an amount above 0', () => {
    expect(yuanToFen('9000')).toBe(900_000);
    expect(yuanToFen(' 8,800.50 ')).toBe(880_050);
    expect(yuanToFen('0')).toBeNull();
    expect(yuanToFen('88OO')).toBeNull();
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen(undefined)).toBeNull();
  });

  it("names a base file row's reason in the reader's language where it is a common one", () => {
    expect(baseFileReasonKey({ ...row, field: 'declared', reason: 'must not be empty' })).toBe('empty');
    expect(baseFileReasonKey({ ...row, field: 'declared', reason: '"abc" is not a decimal number' })).toBe(
      'notAmount',
    );
    expect(
      baseFileReasonKey({ ...row, field: 'idNumber', reason: 'no person is registered', code: 'NOT_FOUND' }),
    ).toBe('notFoundIdNumber');
    expect(
      baseFileReasonKey({ ...row, field: 'idNumber', reason: 'not employed', code: 'RULE_VIOLATION' }),
    ).toBe('notEmployed');
    expect(
      baseFileReasonKey({ ...row, field: 'idNumber', reason: 'row 1 already declares this person' }),
    ).toBe('duplicate');
    expect(baseFileReasonKey({ ...row, field: 'cycleStart', reason: 'is not the first month' })).toBeNull();
  });

  it('tells paid, partly paid and owed bills apart', () => {
    expect(billStatus({ totalFen: 100, paidFen: 100 })).toBe('paid');
    expect(billStatus({ totalFen: 100, paidFen: 1 })).toBe('partly');
    expect(billStatus({ totalFen: 100, paidFen: 0 })).toBe('owed');
  });

  it('takes base files by their extension only', () => {
    expect(baseFileFormatOf('Bases 2026.XLSX')).toBe('xlsx');
    expect(baseFileFormatOf('bases.csv')).toBe('csv');
    expect(baseFileFormatOf('bases.xls')).toBeNull();
  });

  it('finds the field a refusal names, from the field, the errors or the detail', () => {
    expect(problemField(new ApiError(400, { detail: 'x', field: 'name' } as never))).toBe('name');
    expect(
      problemField(new ApiError(400, { detail: 'x', errors: [{ field: 'hiredOn', reason: 'r' }] })),
    ).toBe('hiredOn');
    expect(problemField(new ApiError(404, { detail: 'idNumber: no person is registered' }))).toBe('idNumber');
  });
});
