/**
 * Every failure a client can see has one of these codes. The HTTP status and the problem title
 * follow from the code alone, so services raise meaning and never pick status numbers.
 */
export const ErrorCode = {
  /** The request is malformed or a field is out of range. */
  VALIDATION: 'VALIDATION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  /** The path exists, but not with this method (the reply's Allow header lists the methods it takes). */
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  /** Clashes with current state: duplicate business reference, stale version, reused idempotency key. */
  CONFLICT: 'CONFLICT',
  /** Well-formed, but a business rule forbids it (period closed, person not insured, ...). */
  RULE_VIOLATION: 'RULE_VIOLATION',
  /** No policy parameter is in force for the region and period asked about. */
  POLICY_MISSING: 'POLICY_MISSING',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The body is in a format the route does not take (e.g. XML where JSON is expected). */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMITED: 'RATE_LIMITED',
  /** A dependency (database, bank gateway) is down; retrying later may succeed. */
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const httpStatusByCode: Readonly<Record<ErrorCode, number>> = Object.freeze({
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE_VIOLATION: 422,
  // 422 rather than 404: the request names a real region and period, the agency has not yet
  // recorded the parameter for it; the fix is on the agency's side, not in the URL.
  POLICY_MISSING: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
});

/** Problem titles: short, fixed per code (RFC 9457 §3.1.3); the specifics go in `detail`. */
export const titleByCode: Readonly<Record<ErrorCode, string>> = Object.freeze({
  VALIDATION: 'Invalid request',
  UNAUTHENTICATED: 'Authentication required',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  CONFLICT: 'Conflict with current state',
  PAYLOAD_TOO_LARGE: 'Request too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  RULE_VIOLATION: 'Business rule violated',
  POLICY_MISSING: 'Policy parameter missing',
  RATE_LIMITED: 'Too many requests',
  INTERNAL: 'Internal error',
  UNAVAILABLE: 'Service unavailable',
});

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(httpStatusByCode, value);
}
