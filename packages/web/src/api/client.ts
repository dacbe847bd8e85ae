import createClient, { type Middleware } from 'openapi-fetch';
import { meansSessionExpired, reportSessionExpired } from '../session/session-expiry.ts';
import type { PendingPaths } from './pending-paths.ts';
import type { paths } from './schema.ts';

/** Every route the web app may call: the generated ones, and the pending ones not generated yet. */
export type ApiPaths = paths & Omit<PendingPaths, keyof paths>;

const CSRF_STORAGE_KEY = 'shebao.csrf';

/** The CSRF token of the current session, kept for the tab's lifetime (it survives a reload). */
export const csrfToken = {
  get(): string | null {
    try {
      return window.sessionStorage.getItem(CSRF_STORAGE_KEY);
    } catch {
      return null;
    }
  },
  set(token: string | null): void {
    try {
      if (token === null) window.sessionStorage.removeItem(CSRF_STORAGE_KEY);
      else window.sessionStorage.setItem(CSRF_STORAGE_KEY, token);
    } catch {
      // without storage the token lives until the next reload only
    }
  },
};

/** Writes made with the session cookie must echo the CSRF token from the login reply. */
const sendCsrfToken: Middleware = {
  onRequest({ request }) {
    const token = csrfToken.get();
    if (token && request.method !== 'GET' && request.method !== 'HEAD') {
      request.headers.set('X-CSRF-Token', token);
    }
    return request;
  },
};

/** A 401 from a signed-in page's request: the session is gone (session/session-expiry.ts). */
const noticeExpiredSession: Middleware = {
  onResponse({ request, response }) {
    if (meansSessionExpired(response.status, request.url)) reportSessionExpired();
    return response;
  },
};

/** The one typed client of the server; paths and bodies are checked against the generated schema. */
export const api = createClient<ApiPaths>({
  baseUrl: window.location.origin,
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
});
api.use(sendCsrfToken, noticeExpiredSession);
