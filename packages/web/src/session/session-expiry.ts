/**
 * "The server no longer knows this session": any API call of a signed-in page that is answered 401 says
 * so (the session timed out, was signed out in another tab, or the server restarted without it). The
 * signed-in frame listens and sends the visitor to the login, saying why, instead of leaving a page of
 * failed requests.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

export function onSessionExpired(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportSessionExpired(): void {
  for (const listener of listeners) listener();
}

/** Logins and "who am I" answer 401 as part of their normal work; only other routes mean expiry. */
export function meansSessionExpired(status: number, url: string): boolean {
  if (status !== 401) return false;
  const path = new URL(url, 'http://localhost').pathname;
  return path.startsWith('/api/') && !path.startsWith('/api/auth/');
}
