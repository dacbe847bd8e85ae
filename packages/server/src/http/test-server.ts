import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { fromPrivateKey } from '../modules/statements/index.ts';
import { assembleApp, fixedClock, type App, type Clock } from '../app/index.ts';
import { loadConfig } from '../config/index.ts';
import type { Database } from '../db/index.ts';
import { describeEachDatabase } from '../testing/index.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './access.ts';
import { buildServer, type ServerOptions } from './build-server.ts';

export const TEST_NOW = '2025-07-15T02:00:00.000Z';

/** Test servers sign with a key of their own rather than creating the configured key file. */
export const TEST_SIGNING_KEY = fromPrivateKey(generateKeyPairSync('ed25519').privateKey);

export interface TestServer {
  app: App;
  server: FastifyInstance;
  db: Kysely<Database>;
}

/**
 * Declares a suite once per database with the real HTTP stack over it: `get()` returns the app and the
 * Fastify server (requests go through fastify.inject: routing, hooks, schemas, serializers).
 */
export function describeEachServer(
  name: string,
  body: (get: () => TestServer) => void,
  options: { clock?: Clock; server?: ServerOptions; env?: Record<string, string> } = {},
): void {
  describeEachDatabase(name, (getDb, dialect) => {
    let current: TestServer | undefined;
    beforeAll(async () => {
      const db = getDb();
      // The database belongs to describeEachDatabase, which closes it.
      const handle = { db, dialect, close: async () => {} };
      const app = await assembleApp(
        handle,
        loadConfig(options.env ?? {}),
        options.clock ?? fixedClock(TEST_NOW),
      );
      const server = await buildServer(app, {
        logger: false,
        signingKey: TEST_SIGNING_KEY,
        ...options.server,
      });
      current = { app, server, db };
    });
    afterAll(async () => {
      await current?.server.close();
    });
    body(() => {
      if (!current) throw new Error(`${name}: the server is not built yet`);
      return current;
    });
  });
}

/** A logged-in client: sends the session cookie, and the CSRF token on writes. */
export interface Client {
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export function sessionClient(server: FastifyInstance, sessionId: string, csrfToken: string): Client {
  return {
    request: (options) =>
      server.inject({
        ...options,
        cookies: { ...(options.cookies ?? {}), [SESSION_COOKIE]: sessionId },
        headers: { [CSRF_HEADER]: csrfToken, ...(options.headers ?? {}) },
      }),
  };
}

export function tokenClient(server: FastifyInstance, token: string): Client {
  return {
    request: (options) =>
      server.inject({
        ...options,
        headers: { authorization: `Bearer ${token}`, ...(options.headers ?? {}) },
      }),
  };
}

export const anonymousClient = (server: FastifyInstance): Client => ({
  request: (options) => server.inject(options),
});

/** Logs in through the route and returns a client carrying the session. */
export async function logIn(
  server: FastifyInstance,
  kind: 'person' | 'employer' | 'staff',
  body: Record<string, unknown>,
): Promise<Client> {
  const response = await server.inject({ method: 'POST', url: `/api/auth/login/${kind}`, payload: body });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((it) => it.name === SESSION_COOKIE);
  return sessionClient(server, cookie!.value, (response.json() as { csrfToken: string }).csrfToken);
}
