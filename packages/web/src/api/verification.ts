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

/** Crockford base32 as the server writes codes: no I, L, O or U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A code as typed, in the server's form XXXX-XXXX-XXXX-XXXX (case and separators ignored, I/L read as 1,
 * O as 0), or null when it cannot be a code. Mirrors the server's normaliseVerificationCode.
 */
export function normaliseVerificationCode(input: string): string | null {
  const text = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (text.length !== 16 || [...text].some((char) => !ALPHABET.includes(char))) return null;
  return text.match(/.{4}/g)!.join('-');
}
