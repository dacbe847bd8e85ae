import type { AppError, FieldError } from './app-error.ts';
import { httpStatusByCode, titleByCode, type ErrorCode } from './error-code.ts';

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
   * Base of the `type` URI. Relative by default ("/api/problems/not-found"): the API serves a page per
   * code there (http/problem-types.ts); resolved against the request URL as RFC 9457 §3.1.1 allows.
   */
  readonly typeBase?: string;
  /** The request path the problem occurred on. */
  readonly instance?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The `type` URI's last segment for a code, e.g. "policy-missing"; the API serves a page under it. */
export function problemTypeSlug(code: ErrorCode): string {
  return code.toLowerCase().replaceAll('_', '-');
}

/**
 * The field errors of a problem: those the error lists, or else its one field with the reason (the
 * message without the "field: " it starts with), so a client reads `errors[]` the same way for one bad
 * field as for several.
 */
function fieldErrorsOf(error: AppError): readonly FieldError[] | undefined {
  if (error.errors !== undefined) return error.errors;
  if (error.field === undefined) return undefined;
  const prefix = `${error.field}: `;
  const reason = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return [{ field: error.field, reason }];
}

export function toProblemDetails(error: AppError, options: ProblemOptions = {}): ProblemDetails {
  const typeBase = options.typeBase ?? '/api/problems/';
  const errors = fieldErrorsOf(error);
  return {
    type: `${typeBase}${problemTypeSlug(error.code)}`,
    title: titleByCode[error.code],
    status: httpStatusByCode[error.code],
    detail: error.message,
    code: error.code,
    ...(options.instance === undefined ? {} : { instance: options.instance }),
    ...(error.field === undefined ? {} : { field: error.field }),
    ...(errors === undefined ? {} : { errors }),
    ...(error.detailCode === undefined ? {} : { detailCode: error.detailCode }),
    ...(error.params === undefined ? {} : { params: error.params }),
  };
}
