import { beforeAll, expect, it } from 'vitest';
import { SESSION_COOKIE } from './access.ts';
import { describeEachServer, type TestServer } from './test-server.ts';

/**
 * Issue 13, defect 5: behind a TLS proxy. The proxies to trust are a setting (SHEBAO_TRUST_PROXY); the
 * session cookie is Secure whenever the public address is https; HSTS is sent only over https.
 */

const PASSWORD = 'proxy-tls-password';

async function addStaff(get: () => TestServer) {
  await get().app.auth.addUser(
    {
      kind: 'staff',
      userName: 'clerk',
      displayName: 'Clerk',
      password: PASSWORD,
      roles: ['auditor'],
      regionCodes: ['110000'],
    },
    'test',
  );
}

const login = (get: () => TestServer, headers: Record<string, string> = {}, password = PASSWORD) =>
  get().server.inject({
    method: 'POST',
    url: '/api/auth/login/staff',
    payload: { userName: 'clerk', password },
    headers,
  });

const addressKeys = async (get: () => TestServer) =>
  (await get().db.selectFrom('login_throttles').select('key').execute())
    .map((row) => row.key)
    .filter((key) => key.startsWith('address:'));

describeEachServer(
  'behind a trusted TLS proxy with an https public address',
  (get) => {
    beforeAll(() => addStaff(get));

    it('marks the session cookie Secure and sends HSTS only for requests that came over https', async () => {
      const overTls = await login(get, { 'x-forwarded-proto': 'https' });
      expect(overTls.statusCode).toBe(200);
      expect(overTls.cookies.find((it) => it.name === SESSION_COOKIE)!.secure).toBe(true);
      expect(overTls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const plain = await login(get);
      expect(plain.cookies.find((it) => it.name === SESSION_COOKIE)!.secure).toBe(true);
      expect(plain.headers['strict-transport-security']).toBeUndefined();
    });

    it("throttles the client's address from X-Forwarded-For, not the proxy's", async () => {
      await login(get, { 'x-forwarded-for': '203.0.113.9' }, 'wrong-password');
      expect(await addressKeys(get)).toEqual(['address:203.0.113.9']);
    });
  },
  { env: { SHEBAO_PUBLIC_BASE_URL: 'https://si.example.cn', SHEBAO_TRUST_PROXY: '127.0.0.1' } },
);

describeEachServer('with no proxy trusted (the default)', (get) => {
  beforeAll(() => addStaff(get));

  it('believes no forwarded header: no HSTS, no Secure cookie over plain http, the real address', async () => {
    const response = await login(get, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' });
    expect(response.statusCode).toBe(200);
    expect(response.cookies.find((it) => it.name === SESSION_COOKIE)!.secure).toBeFalsy();
    expect(response.headers['strict-transport-security']).toBeUndefined();
    await login(get, { 'x-forwarded-for': '203.0.113.9' }, 'wrong-password');
    expect(await addressKeys(get)).toEqual(['address:127.0.0.1']);
  });
});
