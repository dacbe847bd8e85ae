/**
 * When a failed delivery is tried again (docs/RULES.md 17.4): the wait doubles from `firstDelayMs` with
 * each attempt up to `maxDelayMs`; after `maxAttempts` it is given up and the notice stays in the inbox.
 */
export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 60_000, maxDelayMs: 6 * 3_600_000, maxAttempts: 8 };

/** The instant of the next attempt after `attempts` failed ones, or null when the delivery is given up. */
export function nextAttemptAt(policy: RetryPolicy, attempts: number, now: Date): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const delayMs = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attempts - 1));
  return new Date(now.getTime() + delayMs);
}
