import { beforeAll, expect, it } from 'vitest';
import { describeEachServer, logIn, type Client } from '../../http/test-server.ts';

/** Issue 13, defect 7: a policy proposal is checked when it is made, so no junk waits for approval. */

const PASSWORD = 'proposal-checks-password';

describeEachServer('policy proposals are checked when proposed', (get) => {
  let admin: Client;

  beforeAll(async () => {
    await get().app.auth.addUser(
      {
        kind: 'staff',
        userName: 'chief',
        displayName: 'Chief',
        password: PASSWORD,
        roles: ['admin'],
        regionCodes: ['110000'],
      },
      'test',
    );
    admin = await logIn(get().server, 'staff', { userName: 'chief', password: PASSWORD });
  });

  const propose = (body: Record<string, unknown>) =>
    admin.request({
      method: 'POST',
      url: '/api/policy/parameters',
      payload: { regionCode: '110000', validFrom: '2026-07', source: 'probe', ...body },
    });

  it('refuses unknown names, impossible values and periods with the field named, storing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'base.nonsense', value: 1 }, 'name'],
      [{ name: 'base.averageWage', value: -5 }, 'value'],
      [{ name: 'base.averageWage', value: 'lots' }, 'value'],
      [{ name: 'base.averageWage', value: 1_300_000, validTo: '2026-01' }, 'validTo'],
    ];
    for (const [body, field] of cases) {
      const response = await propose(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().detail, JSON.stringify(body)).toMatch(new RegExp(`^${field}: `));
    }
    expect(await get().db.selectFrom('approvals').select('id').execute()).toEqual([]);
    expect((await propose({ name: 'base.averageWage', value: 1_300_000 })).statusCode).toBe(202);
  });
});
