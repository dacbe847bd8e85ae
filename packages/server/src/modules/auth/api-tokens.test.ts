import { beforeAll, expect, it } from 'vitest';
import type { Clock } from '../../app/index.ts';
import { describeEachServer, logIn, tokenClient, TEST_NOW, type Client } from '../../http/test-server.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { newParameterVersionInput } from '../policy/index.ts';
import type { StaffRole } from './roles.ts';

/**
 * Issue 13, defect 1: a token acts as its issuer or as a system account the issuer administers, within
 * the issuer's regions; it expires; it can be listed and revoked; approvals look at the real person.
 */

const PASSWORD = 'a-long-password-1';
let now = new Date(TEST_NOW).getTime();
const movableClock: Clock = { now: () => new Date(now) };
const DAY = 24 * 60 * 60_000;

describeEachServer(
  'API tokens: whom they act as, expiry and revocation',
  (get) => {
    const ids = {} as Record<
      'beijingAdmin' | 'beijingAdmin2' | 'shanghaiAdmin' | 'gateway' | 'employer',
      number
    >;
    let beijing: Client;
    let beijing2: Client;
    let shanghai: Client;

    beforeAll(async () => {
      const { app, db, server } = get();
      const fixture = await insertCollectionFixture(db, {
        regionCode: '110105',
        cycleStart: '2025-07',
        employers: [{ employees: [{ wageFen: 800_000 }] }],
      });
      ids.employer = fixture.employerIds[0]!;
      const staff = (
        userName: string,
        region: string,
        roles: StaffRole[] = ['admin', 'collection_officer'],
      ) =>
        app.auth.addUser(
          {
            kind: 'staff',
            userName,
            displayName: userName,
            password: PASSWORD,
            roles,
            regionCodes: [region],
          },
          'test',
        );
      // The Beijing administrators also collect: a gateway token acts with collection rights, never more
      // than its issuer holds.
      ids.beijingAdmin = (await staff('bj-admin', '110000')).id;
      ids.beijingAdmin2 = (await staff('bj-admin2', '110000')).id;
      ids.shanghaiAdmin = (await staff('sh-admin', '310000')).id;
      await staff('bj-admin-only', '110000', ['admin']);
      ids.gateway = (
        await app.auth.addUser(
          {
            kind: 'system',
            userName: 'bj-gateway',
            displayName: 'Gateway',
            roles: ['collection_officer'],
            regionCodes: ['110000'],
          },
          'test',
        )
      ).id;
      beijing = await logIn(server, 'staff', { userName: 'bj-admin', password: PASSWORD });
      beijing2 = await logIn(server, 'staff', { userName: 'bj-admin2', password: PASSWORD });
      shanghai = await logIn(server, 'staff', { userName: 'sh-admin', password: PASSWORD });
    });

    const mint = (client: Client, payload: Record<string, unknown>) =>
      client.request({ method: 'POST', url: '/api/auth/tokens', payload });

    it("refuses an administrator of 310000 a token acting as the 110000 administrator or 110000's gateway", async () => {
      const asOtherAdmin = await mint(shanghai, { userId: ids.beijingAdmin, name: 'x', scope: 'write' });
      expect(asOtherAdmin.statusCode).toBe(403);
      expect(asOtherAdmin.json().detail).toMatch(/^userId: /);
      const asGateway = await mint(shanghai, { userId: ids.gateway, name: 'x', scope: 'write' });
      expect(asGateway.statusCode).toBe(403);
      const rows = await get().db.selectFrom('api_tokens').select('id').execute();
      expect(rows).toEqual([]);
    });

    it('refuses a token acting as another administrator of the same region, so nobody approves their own proposal', async () => {
      const proposal = await beijing.request({
        method: 'POST',
        url: '/api/policy/parameters',
        payload: {
          name: 'base.averageWage',
          regionCode: '110000',
          validFrom: '2026-07',
          value: 1_300_000,
          source: 'token test',
        },
      });
      expect(proposal.statusCode).toBe(202);
      const asColleague = await mint(beijing, { userId: ids.beijingAdmin2, name: 'x', scope: 'write' });
      expect(asColleague.statusCode).toBe(403);
      // The proposer's own token is the proposer: the two-person rule still holds through it.
      const own = await mint(beijing, { name: 'own', scope: 'write' });
      expect(own.statusCode).toBe(201);
      const approve = await tokenClient(get().server, own.json().token as string).request({
        method: 'POST',
        url: `/api/approvals/${proposal.json().id}/approve`,
        payload: {},
      });
      expect(approve.statusCode).toBe(403);
      expect(approve.json().detail).toMatch(/second person/);
    });

    it('judges an approval by the real person behind a token, not the account it acts as', async () => {
      const { app } = get();
      const proposal = await app.approvals.propose(
        'policy.addVersion',
        newParameterVersionInput.parse({
          name: 'base.averageWage',
          regionCode: '110000',
          validFrom: '2026-08',
          value: 1_310_000,
          source: 'x',
        }),
        { regionCode: '110000', summary: 'x' },
        { ...(await principalOf(ids.beijingAdmin)) },
      );
      // A principal acting as the colleague but issued by the proposer (as a token minted before this fix
      // could have been): refused.
      const disguised = {
        ...(await principalOf(ids.beijingAdmin2)),
        via: 'token' as const,
        actorUserId: ids.beijingAdmin,
      };
      await expect(app.approvals.approve(proposal.id, disguised)).rejects.toThrow(/second person/);
      const colleague = await principalOf(ids.beijingAdmin2);
      expect((await app.approvals.approve(proposal.id, colleague)).status).toBe('approved');
    });

    it('refuses a gateway token to an administrator who does not hold its roles, and drops a role the issuer loses', async () => {
      const { server, db } = get();
      const adminOnly = await logIn(server, 'staff', { userName: 'bj-admin-only', password: PASSWORD });
      const refused = await mint(adminOnly, { userId: ids.gateway, name: 'bank', scope: 'read' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({
        field: 'userId',
        detailCode: 'token-roles-beyond-issuer',
        params: { roles: 'collection_officer' },
      });
      // Issued while the issuer collected; the issuer stops collecting: the token acts with no role left.
      const issued = await mint(beijing2, { userId: ids.gateway, name: 'bank-2', scope: 'read' });
      expect(issued.statusCode).toBe(201);
      const gateway = tokenClient(server, issued.json().token as string);
      expect((await gateway.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
      await db
        .updateTable('users')
        .set({ roles_json: JSON.stringify(['admin']) })
        .where('id', '=', ids.beijingAdmin2)
        .execute();
      expect((await gateway.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
      await db
        .updateTable('users')
        .set({ roles_json: JSON.stringify(['admin', 'collection_officer']) })
        .where('id', '=', ids.beijingAdmin2)
        .execute();
    });

    it("lets an administrator issue a gateway token within their regions, bounded by the issuer's rights", async () => {
      const { app, server, db } = get();
      const issued = await mint(beijing, { userId: ids.gateway, name: 'bank', scope: 'read' });
      expect(issued.statusCode).toBe(201);
      const stored = await db
        .selectFrom('api_tokens')
        .select(['created_by', 'created_via'])
        .where('id', '=', issued.json().id as number)
        .executeTakeFirstOrThrow();
      expect([Number(stored.created_by), stored.created_via]).toEqual([ids.beijingAdmin, 'api']);
      const gateway = tokenClient(server, issued.json().token as string);
      const me = await gateway.request({ method: 'GET', url: '/api/auth/me' });
      expect(me.json()).toMatchObject({ kind: 'system', loginKey: 'system:bj-gateway' });
      const employer = await gateway.request({ method: 'GET', url: `/api/employers/${ids.employer}` });
      expect(employer.statusCode).toBe(200);
      // The issuer moves to another region: the token no longer reaches Beijing.
      await db
        .updateTable('users')
        .set({ region_codes_json: JSON.stringify(['110105']) })
        .where('id', '=', ids.beijingAdmin)
        .execute();
      expect(
        (await gateway.request({ method: 'GET', url: `/api/employers/${ids.employer}` })).statusCode,
      ).toBe(200);
      await db
        .updateTable('users')
        .set({ region_codes_json: JSON.stringify(['120000']) })
        .where('id', '=', ids.beijingAdmin)
        .execute();
      expect((await gateway.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
      await db
        .updateTable('users')
        .set({ region_codes_json: JSON.stringify(['110000']) })
        .where('id', '=', ids.beijingAdmin)
        .execute();
      expect((await app.auth.authenticateToken(issued.json().token as string))?.actorUserId).toBe(
        ids.beijingAdmin,
      );
    });

    it('gives every token an expiry within the configured maximum, and stops it after', async () => {
      const tooLong = await mint(beijing, { name: 'long', scope: 'read', expiresInDays: 400 });
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().detail).toMatch(/^expiresInDays: must be at most 365/);
      const issued = await mint(beijing, { name: 'short', scope: 'read' });
      expect(issued.statusCode).toBe(201);
      expect(Date.parse(issued.json().expiresAt as string) - now).toBe(90 * DAY);
      const client = tokenClient(get().server, issued.json().token as string);
      expect((await client.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
      now += 90 * DAY;
      try {
        expect((await client.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
      } finally {
        now -= 90 * DAY;
      }
    });

    it('lists and revokes tokens: the issuer and administrators of the account may, others may not', async () => {
      const issued = await mint(beijing, { userId: ids.gateway, name: 'to-revoke', scope: 'read' });
      const tokenId = issued.json().id as number;
      const client = tokenClient(get().server, issued.json().token as string);
      expect((await client.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);

      const list = async (who: Client) =>
        (
          (await who.request({ method: 'GET', url: '/api/auth/tokens?limit=200' })).json().items as {
            id: number;
          }[]
        ).map((token) => token.id);
      expect(await list(beijing)).toContain(tokenId);
      expect(await list(beijing2)).toContain(tokenId); // administers the gateway too
      expect(await list(shanghai)).not.toContain(tokenId);
      const foreign = await shanghai.request({ method: 'POST', url: `/api/auth/tokens/${tokenId}/revoke` });
      expect(foreign.statusCode).toBe(404);
      expect((await client.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);

      const revoked = await beijing2.request({ method: 'POST', url: `/api/auth/tokens/${tokenId}/revoke` });
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json()).toMatchObject({ id: tokenId, revokedBy: 'staff:bj-admin2' });
      expect((await client.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    });

    it('issues no token from a token', async () => {
      const own = await mint(beijing, { name: 'own', scope: 'write' });
      const viaToken = await mint(tokenClient(get().server, own.json().token as string), {
        name: 'child',
        scope: 'write',
      });
      expect(viaToken.statusCode).toBe(403);
    });

    async function principalOf(userId: number) {
      const user = await get().app.auth.getUser(userId);
      return {
        ...user,
        userId,
        via: 'session' as const,
        scope: 'write' as const,
        csrfToken: null,
        actorUserId: userId,
      };
    }
  },
  { clock: movableClock },
);
