import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AppError,
  ErrorCode,
  httpStatusByCode,
  isErrorCode,
  titleByCode,
  toAppError,
  toProblemDetails,
} from './index.ts';

describe('AppError to problem details', () => {
  it('maps code to type, title and status, message to detail, and names the field', () => {
    const error = new AppError(ErrorCode.VALIDATION, 'baseFen: must not be negative', { field: 'baseFen' });
    expect(toProblemDetails(error)).toEqual({
      type: '/api/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail: 'baseFen: must not be negative',
      code: 'VALIDATION',
      field: 'baseFen',
      // One bad field is listed in errors[] as several are, so clients read both the same way.
      errors: [{ field: 'baseFen', reason: 'must not be negative' }],
    });
  });

  it('names the reason with a stable detailCode and its params, for clients that translate it', () => {
    const error = new AppError(ErrorCode.CONFLICT, 'bankReference: B1 was already recorded as payment P9', {
      field: 'bankReference',
      detailCode: 'bank-reference-recorded',
      params: { paymentNo: 'P9' },
    });
    expect(toProblemDetails(error)).toMatchObject({
      code: 'CONFLICT',
      field: 'bankReference',
      detailCode: 'bank-reference-recorded',
      params: { paymentNo: 'P9' },
    });
  });

  it('leaves out absent members and takes a type base and instance', () => {
    const error = new AppError(ErrorCode.POLICY_MISSING, 'No pension rate for 110105 in 2024-07');
    expect(
      toProblemDetails(error, { typeBase: 'https://shebao.example/problems/', instance: '/api/bills' }),
    ).toEqual({
      type: 'https://shebao.example/problems/policy-missing',
      title: 'Policy parameter missing',
      status: 422,
      detail: 'No pension rate for 110105 in 2024-07',
      code: 'POLICY_MISSING',
      instance: '/api/bills',
    });
  });

  it('carries a list of field errors', () => {
    const errors = [
      { field: 'rows.2.idNumber', reason: 'check digit is wrong' },
      { field: 'rows.5.baseFen', reason: 'below the floor' },
    ];
    const problem = toProblemDetails(new AppError(ErrorCode.VALIDATION, '2 rows are invalid', { errors }));
    expect(problem.errors).toEqual(errors);
    expect(problem).not.toHaveProperty('field');
  });

  it('has a status and a title for every code', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(isErrorCode(code)).toBe(true);
      expect(httpStatusByCode[code]).toBeGreaterThanOrEqual(400);
      expect(titleByCode[code]).not.toBe('');
    }
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('toAppError', () => {
  it('passes AppErrors through', () => {
    const error = new AppError(ErrorCode.NOT_FOUND, 'No employer 91110000');
    expect(toAppError(error)).toBe(error);
  });

  it('turns a Zod failure into VALIDATION naming each field', () => {
    const schema = z.object({ baseFen: z.number().int(), period: z.string().regex(/^\d{4}-\d{2}$/) });
    const result = schema.safeParse({ baseFen: 1.5, period: '2024-7' });
    const error = toAppError(result.error);
    expect(error.code).toBe('VALIDATION');
    expect(error.errors?.map((it) => it.field)).toEqual(['baseFen', 'period']);
    expect(toProblemDetails(error).status).toBe(400);
  });

  it('names the field when only one is wrong', () => {
    const result = z.object({ period: z.string() }).safeParse({ period: 7 });
    const error = toAppError(result.error);
    expect(error.field).toBe('period');
    expect(error.message).toMatch(/^period: /);
  });

  it('hides anything else behind INTERNAL, keeping it as the cause', () => {
    const cause = new Error('connection refused at 10.0.0.5');
    const problem = toProblemDetails(toAppError(cause));
    expect(problem.status).toBe(500);
    expect(problem.detail).not.toContain('10.0.0.5');
    expect(toAppError(cause).cause).toBe(cause);
  });
});
