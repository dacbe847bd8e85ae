import { expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../http/access.ts';
import { describeEachServer, logIn, TEST_NOW, tokenClient } from '../../http/test-server.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';

const PASSWORD = 'a-long-password-1';

describeEachServer('accounts, logins, sessions, CSRF and tokens', (get) => {
  let creditCode = '';
  let idNumber = '';
  let employerId = 0;

  it('creates accounts of every kind', async () => {
    const { app, db } = get();
    const fixture = await insertCollectionFixture(db, {
      regionCode: '110105',
      cycleStart: '2025-07',
      employers: [{ employees: [{ wageFen: 800_000 }] }],
    });
    employerId = fixture.employerIds[0]!;
    const personId = fixture.personIds[0]![0]!;
    creditCode = (await app.registration.getEmployer(employerId)).creditCode;
    idNumber = (await app.registration.getPerson(personId)).idNumber;
    await app.auth.addUser(
      {
        kind: 'staff',
        userName: 'chief',
        displayName: 'Chief',
        password: PASSWORD,
        roles: ['admin', 'collection_officer'],
        regionCodes: ['110000'],
      },
      'test',
    );
    await app.auth.addUser(
      { kind: 'employer', employerId, userName: 'finance', displayName: 'Finance', password: PASSWORD },
      'test',
    );
    const person = await app.auth.addUser({ kind: 'person', personId, password: PASSWORD }, 'test');
    expect(person.roles).toEqual(['insured_person']);
    const stored = await db
      .selectFrom('users')
      .select('password_hash')
      .where('login_key', '=', 'staff:chief')
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('logs each kind in with an HttpOnly SameSite=Lax cookie and answers who is logged in', async () => {
    const { server } = get();
    const response = await server.inject({
      method: 'POST',
      url: '/api/auth/login/staff',
      payload: { userName: 'CHIEF', password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((it) => it.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    // How long, not until when: the browser's clock need not be the agency's (SHEBAO_TODAY in demos).
    const { expiresAt } = response.json<{ expiresAt: string }>();
    expect(cookie.expires).toBeUndefined();
    expect(cookie.maxAge).toBe((Date.parse(expiresAt) - Date.parse(TEST_NOW)) / 1000);
    const person = await logIn(server, 'person', { idNumber, password: PASSWORD });
    expect((await person.request({ method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({
      kind: 'person',
      roles: ['insured_person'],
    });
    const employer = await logIn(server, 'employer', { creditCode, userName: 'finance', password: PASSWORD });
    expect((await employer.request({ method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({
      kind: 'employer',
      employerId,
    });
  });

  it('marks the cookie Secure when served over TLS', async () => {
    const response = await get().server.inject({
      method: 'POST',
      url: '/api/auth/login/staff',
      payload: { userName: 'chief', password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    // Without trustProxy the forwarded header is ignored: Secure follows the real connection only.
    expect(response.cookies.find((it) => it.name === SESSION_COOKIE)!.secure).toBeFalsy();
  });

  it('refuses a cookie-authenticated write without the CSRF token, and accepts it with', async () => {
    const { server } = get();
    const login = await server.inject({
      method: 'POST',
      url: '/api/auth/login/staff',
      payload: { userName: 'chief', password: PASSWORD },
    });
    const sessionId = login.cookies.find((it) => it.name === SESSION_COOKIE)!.value;
    const csrfToken = login.json().csrfToken as string;
    const withoutToken = await server.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { [SESSION_COOKIE]: sessionId },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().detail).toMatch(/CSRF/);
    // A stable code for clients: the web app reads the token again and retries once on it.
    expect(withoutToken.json().detailCode).toBe('csrf-token-mismatch');
    // Any tab sharing the cookie can read the session's token (not only the tab that logged in).
    const me = await server.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { [SESSION_COOKIE]: sessionId },
    });
    expect(me.json()).toMatchObject({ loginKey: 'staff:chief', csrfToken });
    const wrongToken = await server.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { [SESSION_COOKIE]: sessionId },
      headers: { 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrongToken.statusCode).toBe(403);
    const logout = await server.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { [SESSION_COOKIE]: sessionId },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(logout.statusCode).toBe(200);
    const after = await server.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { [SESSION_COOKIE]: sessionId },
    });
    expect(after.statusCode).toBe(401);
  });

  it('gives the same answer for an unknown account and a wrong password', async () => {
    const { server } = get();
    const unknown = await server.inject({
      method: 'POST',
      url: '/api/auth/login/staff',
      payload: { userName: 'nobody', password: PASSWORD },
    });
    const wrong = await server.inject({
      method: 'POST',
      url: '/api/auth/login/employer',
      payload: { creditCode, userName: 'finance', password: 'wrong-password' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('issues bearer tokens that are stored hashed and limited to their scope', async () => {
    const { app, server, db } = get();
    const system = await app.auth.addUser(
      {
        kind: 'system',
        userName: 'bank-gateway',
        displayName: 'Bank',
        roles: ['collection_officer'],
        regionCodes: ['110000'],
      },
      'test',
    );
    const admin = await logIn(server, 'staff', { userName: 'chief', password: PASSWORD });
    const issued = await admin.request({
      method: 'POST',
      url: '/api/auth/tokens',
      payload: { userId: system.id, name: 'reader', scope: 'read' },
    });
    expect(issued.statusCode).toBe(201);
    const token = issued.json().token as string;
    const rows = await db.selectFrom('api_tokens').select('token_hash').execute();
    expect(rows.map((row) => row.token_hash)).not.toContain(token);
    const client = tokenClient(server, token);
    expect((await client.request({ method: 'GET', url: '/api/auth/me' })).json()).toMatchObject({
      kind: 'system',
      csrfToken: null,
    });
    const write = await client.request({ method: 'POST', url: '/api/auth/logout' });
    expect(write.statusCode).toBe(403);
    const bogus = await tokenClient(server, 'sbt_notatokenatall').request({
      method: 'GET',
      url: '/api/auth/me',
    });
    expect(bogus.statusCode).toBe(401);
  });
});

describeEachServer(
  'login rate limit',
  (get) => {
    it('answers 429 once a client address tries too often', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const response = await get().server.inject({
          method: 'POST',
          url: '/api/auth/login/staff',
          payload: { userName: 'x', password: 'y' },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    });
  },
  { server: { loginRateLimit: 3 } },
);
