import { ApiError, reach } from './api-error.ts';
import { api } from './client.ts';
import type { StatementVerification } from './pending-paths.ts';

export type VerificationOutcome =
  { status: 'valid' | 'invalid'; verification: StatementVerification } | { status: 'unknown' };

/**
 * Asks GET /verify/<code> for JSON. 200 says valid or invalid; 404 (no such code, or a server without
 * the route) is the plain "unknown code"; anything else is an ApiError for the page to show.
 */
export async function verifyStatementCode(code: string): Promise<VerificationOutcome> {
  const { data, error, response } = await reach(() =>
    api.GET('/verify/{code}', {
      params: { path: { code } },
      headers: { Accept: 'application/json' },
    }),
  );
  if (response.status === 404) return { status: 'unknown' };
  if (data && (data.status === 'valid' || data.status === 'invalid')) {
    return { status: data.status, verification: data };
  }
  if (data?.status === 'unknown') return { status: 'unknown' };
  throw new ApiError(response.status, error);
}
