import { afterEach, describe, expect, it, vi } from 'vitest';
import { onSessionExpired } from '../session/session-expiry.ts';
import { CSRF_REFUSAL, csrfAwareFetch, csrfToken } from './csrf-token.ts';

const ORIGIN = 'http://shebao.test';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A server whose session has the token `current` for user `userId`, recording what it was sent. */
function fakeServer(state: { current: string | null; userId: number }) {
  const seen: { method: string; path: string; token: string | null; body: string }[] = [];
  const send = vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    const token = request.headers.get('X-CSRF-Token');
    seen.push({ method: request.method, path, token, body: await request.text() });
    if (path === '/api/auth/me') {
      if (state.current === null) return json(401, { code: 'UNAUTHENTICATED' });
      return json(200, { id: state.userId, kind: 'employer', csrfToken: state.current });
    }
    if (token !== state.current) return json(403, { code: 'FORBIDDEN', detailCode: CSRF_REFUSAL });
    return json(201, { ok: true });
  });
  return { send, seen };
}

function write(): Request {
  return new Request(`${ORIGIN}/api/employers/1/employments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: '张三' }),
  });
}

afterEach(() => csrfToken.forget());

describe('writes with the shared session cookie', () => {
  it('sends the known token with a write', async () => {
    csrfToken.remember('tab-token', 7);
    const server = fakeServer({ current: 'tab-token', userId: 7 });
    const response = await csrfAwareFetch(server.send)(write());
    expect(response.status).toBe(201);
    expect(server.seen).toEqual([
      expect.objectContaining({ method: 'POST', token: 'tab-token', body: '{"name":"张三"}' }),
    ]);
  });

  it('in a tab that never saw the login, reads the token and sends the same write once more', async () => {
    const server = fakeServer({ current: 'session-token', userId: 7 });
    const response = await csrfAwareFetch(server.send)(write());
    expect(response.status).toBe(201);
    expect(server.seen.map((it) => [it.method, it.path, it.token])).toEqual([
      ['POST', '/api/employers/1/employments', null],
      ['GET', '/api/auth/me', null],
      ['POST', '/api/employers/1/employments', 'session-token'],
    ]);
    expect(server.seen[2]!.body).toBe('{"name":"张三"}');
    expect(csrfToken.get()).toBe('session-token');
  });

  it('retries once only, and says the session ended when there is none', async () => {
    const server = fakeServer({ current: null, userId: 7 });
    const ended = vi.fn();
    const stop = onSessionExpired(ended);
    csrfToken.remember('old-token', 7);
    const response = await csrfAwareFetch(server.send)(write());
    stop();
    expect(response.status).toBe(403);
    expect(server.send).toHaveBeenCalledTimes(2);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('never writes as another account signed in meanwhile in another tab', async () => {
    const server = fakeServer({ current: 'someone-else', userId: 8 });
    const ended = vi.fn();
    const stop = onSessionExpired(ended);
    csrfToken.remember('old-token', 7);
    const response = await csrfAwareFetch(server.send)(write());
    stop();
    expect(response.status).toBe(403);
    expect(server.seen.filter((it) => it.method === 'POST')).toHaveLength(1);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('leaves reads and other refusals alone', async () => {
    const send = vi.fn(async () => json(403, { code: 'FORBIDDEN', detailCode: 'not-own-employer' }));
    expect((await csrfAwareFetch(send)(write())).status).toBe(403);
    expect(send).toHaveBeenCalledTimes(1);
    await csrfAwareFetch(send)(new Request(`${ORIGIN}/api/persons/1`));
    expect(send).toHaveBeenCalledTimes(2);
  });
});
