import { describe, expect, it, vi } from 'vitest';
import { meansSessionExpired, onSessionExpired, reportSessionExpired } from './session-expiry.ts';

describe('session expiry', () => {
  it('is a 401 from a route other than the login and "who am I" routes', () => {
    expect(meansSessionExpired(401, 'http://x/api/persons/1/rights-record?year=2025')).toBe(true);
    expect(meansSessionExpired(403, 'http://x/api/persons/2')).toBe(false);
    expect(meansSessionExpired(401, 'http://x/api/auth/login/person')).toBe(false);
    expect(meansSessionExpired(401, 'http://x/api/auth/me')).toBe(false);
  });

  it('reaches every listener until it unsubscribes', () => {
    const listener = vi.fn();
    const stop = onSessionExpired(listener);
    reportSessionExpired();
    stop();
    reportSessionExpired();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
