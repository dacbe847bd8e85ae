import { Validator } from '@seriousme/openapi-schema-validator';
import { makeResidentId } from '@shebao/domain';
import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../errors/index.ts';
import { decodeCursor, encodeCursor, toPage } from './pagination.ts';
import { describeEachServer, logIn } from './test-server.ts';
import { toHttpError } from './to-http-error.ts';

describeEachServer('HTTP foundation', (get) => {
  it('serves an OpenAPI 3.1 document that a real validator accepts', async () => {
    const response = await get().server.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(Object.keys(document.paths)).toContain('/api/health');
  });

  it('serves the interactive viewer at /api/docs', async () => {
    const page = await get().server.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Swagger UI');
    // The logo's SVG <style>, which Chromium reported blocked under this hash, is allowed by exactly it.
    const csp = (await get().server.inject({ method: 'GET', url: '/api/docs/static/index.html' })).headers[
      'content-security-policy'
    ] as string;
    expect(csp).toMatch(/style-src [^;]*'sha256-RL3ie0nH\+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='/);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('sends security headers and a request id', async () => {
    const response = await get().server.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'trace-12345678' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-request-id']).toBe('trace-12345678');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    // Plain http: no HSTS (it is sent only over https, see proxy-and-tls.test.ts).
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('answers unknown routes with a problem', async () => {
    const response = await get().server.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('answers malformed JSON, wrong types, unknown fields and a wrong media type with a 4xx naming the field', async () => {
    const { server } = get();
    const login = (payload: string, contentType = 'application/json') =>
      server.inject({
        method: 'POST',
        url: '/api/auth/login/staff',
        payload,
        headers: { 'content-type': contentType },
      });

    const malformed = await login('{"userName": "admin", ');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'VALIDATION', detail: 'body: is not valid JSON' });

    const wrongType = await login(JSON.stringify({ userName: 7, password: 'x' }));
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json()).toMatchObject({ code: 'VALIDATION', field: 'userName' });

    const unknown = await login(JSON.stringify({ userName: 'admin', password: 'x', role: 'admin' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].reason).toMatch(/role/);

    const xml = await login('<login/>', 'application/xml');
    expect(xml.statusCode).toBe(415);
    // Text is parsed for the CSV uploads only: a JSON route refuses it by its media type, not its fields.
    const text = await login('userName=admin', 'text/plain');
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      detail: 'content-type: this route takes application/json, not text/plain',
    });
  });

  it('lists a single bad field in errors[] too: an identity number with a wrong check digit', async () => {
    const { server, app } = get();
    await app.auth.addUser(
      {
        kind: 'staff',
        userName: 'foundation-admin',
        displayName: 'Admin',
        roles: ['admin'],
        regionCodes: ['110000'],
        password: 'foundation-password',
      },
      'test',
    );
    const admin = await logIn(server, 'staff', {
      userName: 'foundation-admin',
      password: 'foundation-password',
    });
    const valid = makeResidentId('110105', '1985-04-02', 2);
    const response = await admin.request({
      method: 'POST',
      url: '/api/persons',
      payload: {
        idNumber: `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`,
        name: 'Typo',
        hukouRegionCode: '110105',
        hukouType: 'urban',
        category: 'employee',
        regionCode: '110105',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      field: 'idNumber',
      errors: [{ field: 'idNumber', reason: expect.stringMatching(/^The check character should be/) }],
    });
  });

  it('answers each problem type URI with what it means: HTML for a browser, JSON otherwise', async () => {
    const { server } = get();
    const missing = await server.inject({ method: 'GET', url: '/api/nothing-here' });
    const type = missing.json().type as string;
    expect(type).toBe('/api/problems/not-found');
    const json = await server.inject({ method: 'GET', url: type, headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ type, code: 'NOT_FOUND', status: 404, title: 'Not found' });
    expect(json.json().descriptionZh).toMatch(/[\u4e00-\u9fff]/);
    const page = await server.inject({
      method: 'GET',
      url: '/api/problems/payload-too-large',
      headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('请求内容过大 · Request too large');
    expect(page.body).not.toMatch(/<script|style=/);
    for (const code of Object.values(ErrorCode)) {
      const slug = code.toLowerCase().replaceAll('_', '-');
      expect((await server.inject({ method: 'GET', url: `/api/problems/${slug}` })).statusCode).toBe(200);
    }
    expect((await server.inject({ method: 'GET', url: '/api/problems/no-such-type' })).statusCode).toBe(400);
  });

  it('refuses oversized bodies with 413', async () => {
    const response = await get().server.inject({
      method: 'POST',
      url: '/api/auth/login/staff',
      payload: JSON.stringify({ userName: 'admin', password: 'x'.repeat(2_000_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      detail: 'body: is larger than this route takes, at most 1048576 bytes (1 MiB)',
    });
  });
});

describe('toHttpError', () => {
  it('hides unknown errors behind a 500 without internals', () => {
    const error = toHttpError(new Error('password=hunter2 at db.ts:12'));
    expect(error.code).toBe(ErrorCode.INTERNAL);
    expect(error.message).not.toContain('hunter2');
  });
  it('keeps AppErrors and turns a domain RangeError into a validation error naming the field', () => {
    const appError = new AppError(ErrorCode.CONFLICT, 'x');
    expect(toHttpError(appError)).toBe(appError);
    expect(toHttpError(new RangeError('period: "2024-13" is not a month'))).toMatchObject({
      code: 'VALIDATION',
      field: 'period',
    });
  });
});

describe('cursor pagination', () => {
  it('round-trips a key and refuses cursors of another shape', () => {
    const cursor = encodeCursor(['2025-06', 42]);
    expect(decodeCursor(cursor, ['string', 'number'])).toEqual(['2025-06', 42]);
    expect(() => decodeCursor(cursor, ['number'])).toThrow(/cursor/);
    expect(() => decodeCursor('not base64 json', ['number'])).toThrow(/cursor/);
  });
  it('cuts limit + 1 rows into a page with a next cursor', () => {
    const page = toPage([{ id: 1 }, { id: 2 }, { id: 3 }], 2, (row) => [row.id]);
    expect(page.items).toEqual([{ id: 1 }, { id: 2 }]);
    expect(decodeCursor(page.nextCursor!, ['number'])).toEqual([2]);
    expect(toPage([{ id: 1 }], 2, (row) => [row.id]).nextCursor).toBeNull();
  });
});
