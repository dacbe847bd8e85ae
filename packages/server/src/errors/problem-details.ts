import type { AppError, FieldError } from './app-error.ts';
import { httpStatusByCode, titleByCode } from './error-code.ts';

/** RFC 9457 problem details, plus the `field` and `errors` extension members. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  /** Machine-readable code, so clients need not parse `type`. */
  readonly code: string;
  readonly field?: string;
  readonly errors?: readonly FieldError[];
  /** The stable name of the reason, for clients that show it in their own language. */
  readonly detailCode?: string;
  /** The values the reason names (a date, a count, a role list), for the client's own sentence. */
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface ProblemOptions {
  /**
   * Base of the `type` URI. Relative by default ("/problems/not-found") so the API itself can serve
   * a page per code; resolved against the request URL as RFC 9457 §3.1.1 allows.
   */
  readonly typeBase?: string;
  /** The request path the problem occurred on. */
  readonly instance?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function toProblemDetails(error: AppError, options: ProblemOptions = {}): ProblemDetails {
  const typeBase = options.typeBase ?? '/problems/';
  return {
    type: `${typeBase}${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: titleByCode[error.code],
    status: httpStatusByCode[error.code],
    detail: error.message,
    code: error.code,
    ...(options.instance === undefined ? {} : { instance: options.instance }),
    ...(error.field === undefined ? {} : { field: error.field }),
    ...(error.errors === undefined ? {} : { errors: error.errors }),
    ...(error.detailCode === undefined ? {} : { detailCode: error.detailCode }),
    ...(error.params === undefined ? {} : { params: error.params }),
  };
}
