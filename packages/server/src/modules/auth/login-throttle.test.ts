import { beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../app/index.ts';
import { describeEachServer, logIn, TEST_NOW } from '../../http/test-server.ts';
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE, throttleDelaySeconds } from './login-throttle.ts';

/**
 * Issue 13, defect 4: growing waits per login name and per address instead of a lock; the same reply for
 * a name with no account; a notice to the account holder.
 */

const PASSWORD = 'throttle-password-1';
let now = new Date(TEST_NOW).getTime();
const clock: Clock = { now: () => new Date(now) };

describe('throttle delays', () => {
  it('are free at first, then double up to the maximum', () => {
    const account = [4, 5, 6, 7, 10, 11, 40].map((n) => throttleDelaySeconds(n, ACCOUNT_THROTTLE));
    expect(account).toEqual([0, 1, 2, 4, 32, 60, 60]);
    expect(throttleDelaySeconds(19, ADDRESS_THROTTLE)).toBe(0);
    expect(throttleDelaySeconds(1000, ADDRESS_THROTTLE)).toBe(900);
  });
});

describeEachServer(
  'login throttling',
  (get) => {
    beforeAll(async () => {
      await get().app.auth.addUser(
        {
          kind: 'staff',
          userName: 'target',
          displayName: 'T',
          password: PASSWORD,
          roles: ['auditor'],
          regionCodes: ['110000'],
        },
        'test',
      );
    });

    const attempt = (userName: string, password: string, address = '203.0.113.7') =>
      get().server.inject({
        method: 'POST',
        url: '/api/auth/login/staff',
        payload: { userName, password },
        remoteAddress: address,
      });

    it('makes the same name wait after five failures, for a real account and an unknown one alike', async () => {
      const replies: Record<string, { status: number; detail: string }[]> = { target: [], nobody: [] };
      for (const userName of ['target', 'nobody'])
        for (let n = 0; n < 6; n += 1) {
          const response = await attempt(userName, `guess-${n}`, `198.51.100.${n}`);
          replies[userName]!.push({ status: response.statusCode, detail: response.json().detail as string });
        }
      expect(replies.target!.map((it) => it.status)).toEqual([401, 401, 401, 401, 401, 429]);
      expect(replies.nobody).toEqual(replies.target);
    });

    it('lets the person in once the short wait is over: no lock an attacker can hold', async () => {
      expect((await attempt('target', PASSWORD)).statusCode).toBe(429);
      now += 2_000;
      expect((await attempt('target', PASSWORD)).statusCode).toBe(200);
      // Success forgets the name's failures: the next wrong password is free again.
      expect((await attempt('target', 'wrong-again')).statusCode).toBe(401);
      expect((await attempt('target', PASSWORD)).statusCode).toBe(200);
    });

    it('tells the account holder about repeated failed logins', async () => {
      for (let n = 0; n < 5; n += 1) {
        await attempt('target', `guess-${n}`, '192.0.2.44');
        now += 120_000;
      }
      now += 120_000;
      const client = await logIn(get().server, 'staff', { userName: 'target', password: PASSWORD });
      const notices = await client.request({ method: 'GET', url: '/api/auth/notices' });
      expect(notices.statusCode).toBe(200);
      expect(notices.json().items[0]).toMatchObject({
        kind: 'failed_logins',
        detail: '5 failed logins in a row, the last from 192.0.2.44',
      });
    });

    it('throttles an address that tries many names', async () => {
      const statuses: number[] = [];
      for (let n = 0; n < ADDRESS_THROTTLE.free + 1; n += 1)
        statuses.push((await attempt(`name${n}`, 'x', '192.0.2.99')).statusCode);
      expect(statuses.slice(0, ADDRESS_THROTTLE.free)).toEqual(Array(ADDRESS_THROTTLE.free).fill(401));
      expect(statuses.at(-1)).toBe(429);
      // Another address is not held up by it.
      expect((await attempt('target', PASSWORD, '192.0.2.100')).statusCode).toBe(200);
    });
  },
  { clock, server: { loginRateLimit: 10_000 } },
);
