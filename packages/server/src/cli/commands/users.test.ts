import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TODAY, createShebaoRunner } from '../../testing/run-shebao.ts';
import { clockShiftedTo } from '../../app/index.ts';

const { shebao, cleanup } = createShebaoRunner('tokens');
afterAll(cleanup);

describe('shebao users token, tokens and revoke-token', () => {
  it('issues a token with an expiry, lists it and revokes it', { timeout: 120_000 }, async () => {
    const added = await shebao(
      'users',
      'add',
      '--kind',
      'system',
      '--user',
      'bank-gateway',
      '--roles',
      'collection_officer',
      '--regions',
      '110000',
      '--json',
    );
    expect(added.code).toBe(0);
    const userId = String((JSON.parse(added.stdout) as { id: number }).id);
    const tooLong = await shebao('users', 'token', '--user-id', userId, '--name', 'bank', '--days', '999');
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toMatch(/--days.*from 1 to 365/);
    const issued = await shebao('users', 'token', '--user-id', userId, '--name', 'bank', '--days', '30');
    expect(issued.code).toBe(0);
    expect(issued.stdout).toMatch(/^sbt_/);
    const listed = JSON.parse((await shebao('users', 'tokens', '--json')).stdout) as {
      id: number;
      userLoginKey: string;
      createdVia: string;
      expiresAt: string;
      revokedAt: string | null;
    }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      userLoginKey: 'system:bank-gateway',
      createdVia: 'cli',
      revokedAt: null,
    });
    // The command runs on the test day (SHEBAO_TODAY), the time of day real.
    const now = clockShiftedTo(CLI_TEST_TODAY).now().getTime();
    const days = (Date.parse(listed[0]!.expiresAt) - now) / 86_400_000;
    expect(Math.round(days)).toBe(30);
    const revoked = await shebao('users', 'revoke-token', '--id', String(listed[0]!.id));
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/revoked at/);
    const after = JSON.parse((await shebao('users', 'tokens', '--json')).stdout) as { revokedBy: string }[];
    expect(after[0]!.revokedBy).toBe('cli');
    const unknown = await shebao('users', 'revoke-token', '--id', '999');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/tokenId: no token 999/);
  });
});
