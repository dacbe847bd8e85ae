import { reportSessionExpired } from '../session/session-expiry.ts';

/**
 * The session's CSRF token. The session cookie is shared by every tab of the browser, so the token must
 * be too: each tab learns it from the login reply or from GET /api/auth/me (which every signed-in page
 * asks first), and a write the server refuses for a stale token (the session was renewed in another tab)
 * reads it again and is retried once. It is kept in memory only: a reload asks "who am I" again.
 */
export const CSRF_HEADER = 'X-CSRF-Token';

/** The server's `detailCode` for a write whose CSRF token is missing or not the session's. */
export const CSRF_REFUSAL = 'csrf-token-mismatch';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

interface KnownSession {
  token: string;
  /** Whose session the token belongs to: a renewed token of another account is never used. */
  userId: number;
}

let known: KnownSession | null = null;

export const csrfToken = {
  get(): string | null {
    return known?.token ?? null;
  },
  /** The token of `userId`'s session, or null (signed out, or a bearer token that needs none). */
  remember(token: string | null, userId: number | null): void {
    known = token === null || userId === null ? null : { token, userId };
  },
  forget(): void {
    known = null;
  },
};

async function isCsrfRefusal(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  try {
    const problem = (await response.clone().json()) as { detailCode?: unknown };
    return problem.detailCode === CSRF_REFUSAL;
  } catch {
    return false;
  }
}

/**
 * Reads the session's current token. False when there is no session any more, or it is another account's
 * (someone signed in as somebody else in another tab): this tab must not write as them.
 */
async function renewToken(send: (request: Request) => Promise<Response>, origin: string): Promise<boolean> {
  const response = await send(
    new Request(new URL('/api/auth/me', origin), {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    }),
  );
  if (!response.ok) return false;
  const me = (await response.json()) as { id?: unknown; csrfToken?: unknown };
  if (typeof me.csrfToken !== 'string' || typeof me.id !== 'number') return false;
  if (known !== null && known.userId !== me.id) return false;
  known = { token: me.csrfToken, userId: me.id };
  return true;
}

/**
 * A fetch that sends writes with the session's CSRF token, and on a refusal for a stale token reads the
 * current one and sends the write once more. When the session has ended (or belongs to another account
 * now) the signed-in pages hear so (session/session-expiry.ts) and offer to log in again.
 */
export function csrfAwareFetch(
  send: (request: Request) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (SAFE_METHODS.has(request.method)) return send(request);
    const token = csrfToken.get();
    if (token !== null) request.headers.set(CSRF_HEADER, token);
    const spare = request.clone();
    const response = await send(request);
    if (!(await isCsrfRefusal(response))) return response;
    if (!(await renewToken(send, request.url))) {
      reportSessionExpired();
      return response;
    }
    spare.headers.set(CSRF_HEADER, csrfToken.get()!);
    return send(spare);
  };
}
