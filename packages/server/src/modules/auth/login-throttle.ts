import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { insertAccountNotice } from './auth.repository.ts';
import { deleteThrottle, selectThrottles, upsertThrottle } from './login-throttles.repository.ts';

/**
 * Login throttling (docs/RULES.md 9.7): instead of a lock that anyone can
 * trigger by typing a name, each failed login makes the next attempt for the same login name, and from
 * the same address, wait a little longer. Keys are the names as submitted, whether or not an account
 * has them, so the replies never tell which accounts exist.
 */
export interface ThrottleRule {
  /** Failures allowed before any wait. */
  readonly free: number;
  /** The longest wait, in seconds; the wait doubles from one second up to it. */
  readonly maxDelaySeconds: number;
}

export const ACCOUNT_THROTTLE: ThrottleRule = Object.freeze({ free: 5, maxDelaySeconds: 60 });
export const ADDRESS_THROTTLE: ThrottleRule = Object.freeze({ free: 20, maxDelaySeconds: 15 * 60 });
/** Failures older than this are forgotten. */
export const THROTTLE_MEMORY_MS = 24 * 60 * 60_000;

/** Seconds to wait after the n-th failure in a row: 0 while free, then 1, 2, 4 ... up to the maximum. */
export function throttleDelaySeconds(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  return Math.min(2 ** Math.min(failures - rule.free, 30), rule.maxDelaySeconds);
}

export interface ThrottleKey {
  key: string;
  rule: ThrottleRule;
}

type Db = Kysely<Database>;

/** The time before which another attempt is refused, or null when one may try now. */
export async function throttledUntil(
  db: Db,
  keys: readonly ThrottleKey[],
  now: Date,
): Promise<string | null> {
  const rows = await selectThrottles(
    db,
    keys.map((it) => it.key),
  );
  const nowIso = now.toISOString();
  const waits = rows.map((row) => row.next_allowed_at).filter((at) => at > nowIso);
  return waits.length ? waits.sort().at(-1)! : null;
}

/** Counts a failure against every key; returns the account key's failures in a row. */
export async function recordLoginFailure(db: Db, keys: readonly ThrottleKey[], now: Date): Promise<number[]> {
  const rows = new Map(
    (
      await selectThrottles(
        db,
        keys.map((it) => it.key),
      )
    ).map((row) => [row.key, row]),
  );
  const counts: number[] = [];
  for (const { key, rule } of keys) {
    const row = rows.get(key);
    const remembered = row && now.getTime() - Date.parse(row.last_failure_at) < THROTTLE_MEMORY_MS;
    const failures = remembered ? row.failures + 1 : 1;
    const values = {
      failures,
      last_failure_at: now.toISOString(),
      next_allowed_at: new Date(now.getTime() + throttleDelaySeconds(failures, rule) * 1000).toISOString(),
    };
    await upsertThrottle(db, key, values);
    counts.push(failures);
  }
  return counts;
}

/** A successful login forgets the failures of its login name (not those of the address). */
export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await deleteThrottle(db, key);
}

/** Tells the account holder at the first wait and every tenth failure after it. */
export function deservesNotice(failures: number): boolean {
  return failures >= ACCOUNT_THROTTLE.free && (failures - ACCOUNT_THROTTLE.free) % 10 === 0;
}

export async function insertFailedLoginNotice(
  db: Db,
  userId: number,
  failures: number,
  address: string | undefined,
  now: Date,
): Promise<void> {
  await insertAccountNotice(db, {
    user_id: userId,
    kind: 'failed_logins',
    detail: `${failures} failed logins in a row${address ? `, the last from ${address}` : ''}`,
    created_at: now.toISOString(),
  });
}
