import type { ProblemDetails } from './pending-paths.ts';

/** A reply that was not what the caller wanted: the HTTP status (0 when the server was not reached). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly problem: ProblemDetails | undefined;

  constructor(status: number, problem?: unknown) {
    const details = isProblem(problem) ? problem : undefined;
    super(details?.detail ?? details?.title ?? (status === 0 ? 'network error' : `HTTP ${status}`));
    this.status = status;
    this.problem = details;
  }
}

function isProblem(value: unknown): value is ProblemDetails {
  return typeof value === 'object' && value !== null && ('detail' in value || 'title' in value);
}

/** Runs a request and turns "the server could not be reached" into an ApiError with status 0. */
export async function reach<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0);
  }
}
