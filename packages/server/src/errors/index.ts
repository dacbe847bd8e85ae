export { DETAIL_CODES, type DetailCode } from './detail-code.ts';
export { ErrorCode, httpStatusByCode, titleByCode, isErrorCode } from './error-code.ts';
export { AppError, isAppError, type AppErrorOptions, type FieldError } from './app-error.ts';
export {
  toProblemDetails,
  problemTypeSlug,
  PROBLEM_CONTENT_TYPE,
  type ProblemDetails,
  type ProblemOptions,
} from './problem-details.ts';
export { toAppError, fromZodError } from './to-app-error.ts';
