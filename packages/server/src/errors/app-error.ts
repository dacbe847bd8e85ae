import type { DetailCode } from './detail-code.ts';
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
  /**
   * A stable name of the reason (kebab-case, e.g. "csrf-token-mismatch") and the values its sentence
   * names: clients translate these instead of the English `detail` (docs/ARCHITECTURE.md, problems).
   */
  readonly detailCode?: DetailCode;
  readonly params?: Readonly<Record<string, string | number>>;
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
  readonly detailCode: DetailCode | undefined;
  readonly params: Readonly<Record<string, string | number>> | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.field = options.field;
    this.errors = options.errors ? Object.freeze([...options.errors]) : undefined;
    this.detailCode = options.detailCode;
    this.params = options.params ? Object.freeze({ ...options.params }) : undefined;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
