import type { ErrorCode } from './error-code.ts';

/** One problem with one input field; a validation error may carry several. */
export interface FieldError {
  /** Dotted path to the field, e.g. "employees.3.baseFen". */
  readonly field: string;
  readonly reason: string;
}

export interface AppErrorOptions {
  /** The single field at fault, when there is one. */
  readonly field?: string;
  /** Every field at fault, for requests with several bad fields (e.g. an uploaded file's rows). */
  readonly errors?: readonly FieldError[];
  readonly cause?: unknown;
}

/**
 * The one error type services throw on purpose. The message is written for the client: it becomes
 * the problem `detail`, so it names the reason and never carries internals or personal data.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly errors: readonly FieldError[] | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
    this.errors = options.errors ? Object.freeze([...options.errors]) : undefined;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
