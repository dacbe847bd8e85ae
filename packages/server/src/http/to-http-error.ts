import { PolicyMissingError } from '@shebao/domain';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ErrorCode, toAppError, type FieldError } from '../errors/index.ts';

/** Fastify's own client errors by code: each means the request was bad, never the server. */
const FASTIFY_CLIENT_ERRORS: Readonly<Record<string, { code: ErrorCode; detail: string }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: ErrorCode.VALIDATION, detail: 'body: is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: ErrorCode.VALIDATION,
    detail: 'body: is empty, but the content type says JSON',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: ErrorCode.PAYLOAD_TOO_LARGE,
    detail: 'body: is larger than this route takes',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    detail: 'content-type: this route does not take that media type',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: ErrorCode.VALIDATION,
    detail: 'content-length: does not match the body',
  },
  FST_ERR_CTP_INVALID_TYPE: { code: ErrorCode.VALIDATION, detail: 'content-type: is not a valid media type' },
  FST_ERR_VALIDATION: { code: ErrorCode.VALIDATION, detail: 'request: is invalid' },
  FST_ERR_BAD_URL: { code: ErrorCode.VALIDATION, detail: 'url: is malformed' },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: ErrorCode.VALIDATION,
    detail: 'url: a path parameter is longer than 100 characters',
  },
};

const STATUS_CODES: Readonly<Record<number, ErrorCode>> = {
  400: ErrorCode.VALIDATION,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCode.RATE_LIMITED,
};

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
  validation?: unknown;
  validationContext?: unknown;
}

/**
 * Anything a request handler or Fastify itself threw, as an AppError. Schema validation failures name
 * every field; Fastify's body-parsing errors (malformed JSON, oversized body, wrong media type) become
 * 4xx problems; domain errors keep their meaning. Only what is left is INTERNAL: a real bug.
 */
export function toHttpError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) return fromSchemaValidation(error);
  if (isResponseSerializationError(error)) return toAppError(error);
  if (error instanceof PolicyMissingError) return new AppError(ErrorCode.POLICY_MISSING, error.message);
  if (error instanceof RangeError) {
    // The domain's parsers throw RangeError("<field>: <reason>") for bad input.
    const match = /^([A-Za-z][\w.]*): /.exec(error.message);
    if (match?.[1])
      return new AppError(ErrorCode.VALIDATION, error.message, { field: match[1], cause: error });
  }
  if (error && typeof error === 'object') {
    const fastify = error as FastifyLikeError;
    const known = typeof fastify.code === 'string' ? FASTIFY_CLIENT_ERRORS[fastify.code] : undefined;
    if (known) return new AppError(known.code, known.detail, { cause: error });
    const status = typeof fastify.statusCode === 'number' ? fastify.statusCode : 0;
    const code = STATUS_CODES[status];
    if (code) {
      const message = error instanceof Error && error.message ? error.message : 'request refused';
      return new AppError(code, message, { cause: error });
    }
  }
  return toAppError(error);
}

function fromSchemaValidation(error: { validation: unknown[]; validationContext?: unknown }): AppError {
  const context = typeof error.validationContext === 'string' ? error.validationContext : 'body';
  const errors: FieldError[] = (error.validation as { instancePath: string; message?: string }[]).map(
    (issue) => {
      const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
      // Body fields are named as they are; a query, path or header field says where it is.
      const field = context === 'body' ? path || 'body' : path ? `${context}.${path}` : context;
      return { field, reason: issue.message ?? 'is invalid' };
    },
  );
  const first = errors[0];
  const detail =
    errors.length === 1 && first ? `${first.field}: ${first.reason}` : `${errors.length} fields are invalid.`;
  return new AppError(ErrorCode.VALIDATION, detail, {
    ...(errors.length === 1 && first ? { field: first.field } : {}),
    errors,
  });
}
