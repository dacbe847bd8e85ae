import { afterAll, describe, expect, it } from 'vitest';
import { createShebaoRunner } from '../../testing/run-shebao.ts';

const { shebao, cleanup } = createShebaoRunner('benefits');
afterAll(cleanup);

describe('shebao benefits invite and adjust', () => {
  it('runs the invitations of a region for a month, as often as asked, and reports what it did', async () => {
    const first = await shebao('benefits', 'invite', '--region', '110000', '--period', '2026-11', '--json');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // An empty register: nobody reaches retirement, nothing is sent.
    expect(JSON.parse(first.stdout)).toEqual({
      regionCode: '110000',
      period: '2026-11',
      considered: 0,
      claiming: 0,
      invited: 0,
      toldShortfall: 0,
      alreadySent: 0,
    });
    const words = await shebao('benefits', 'invite', '--region', '110000', '--period', '2026-11');
    expect(words.stdout).toContain('Invited 0, told 0 their shortfall');
  }, 120_000);

  it('refuses a bad month and a policy that is not there, saying which', async () => {
    const month = await shebao('benefits', 'invite', '--region', '110000', '--period', '2026-13');
    expect(month.code).toBe(2);
    expect(month.stderr).toContain('--period');
    const policy = await shebao('benefits', 'adjust', '--region', '110000', '--policy', '42');
    expect(policy.code).not.toBe(0);
    expect(policy.stderr).toContain('no pension adjustment 42 in 110000');
  }, 120_000);
});
