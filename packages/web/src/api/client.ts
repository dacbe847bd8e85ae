import createClient, { type Middleware } from 'openapi-fetch';
import { meansSessionExpired, reportSessionExpired } from '../session/session-expiry.ts';
import { csrfAwareFetch } from './csrf-token.ts';
import type { PendingPaths } from './pending-paths.ts';
import type { paths } from './schema.ts';

/** Every route the web app may call: the generated ones, and the pending ones not generated yet. */
export type ApiPaths = paths & Omit<PendingPaths, keyof paths>;

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
  // Looked up on each call (not bound once) so tests and the browser's own fetch stay interchangeable.
  fetch: csrfAwareFetch((request) => globalThis.fetch(request)),
});
api.use(noticeExpiredSession);
