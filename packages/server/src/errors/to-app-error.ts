import { ZodError } from 'zod';
import { AppError } from './app-error.ts';
import { ErrorCode } from './error-code.ts';

/**
 * Anything thrown, as an AppError: AppErrors pass through, Zod failures become VALIDATION naming
 * each field, and everything else becomes INTERNAL with a generic message. The original stays in
 * `cause` for the log, never in the reply.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return fromZodError(error);
  return new AppError(ErrorCode.INTERNAL, 'An unexpected error occurred.', { cause: error });
}

export function fromZodError(error: ZodError): AppError {
  const errors = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    reason: issue.message,
  }));
  const first = errors[0];
  const detail =
    errors.length === 1 && first
      ? `${first.field || 'request'}: ${first.reason}`
      : `${errors.length} fields are invalid.`;
  return new AppError(ErrorCode.VALIDATION, detail, {
    ...(errors.length === 1 && first?.field ? { field: first.field } : {}),
    errors,
    cause: error,
  });
}
