import Fastify from 'fastify';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../app/index.ts';
import { registerWebApp } from './web-app.ts';

describe('registerWebApp', () => {
  const root = mkdtempSync(join(tmpdir(), 'shebao-web-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><head><title>app</title></head>');
  writeFileSync(join(root, 'app.js'), 'console.log(1)');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function serverWithApp() {
    const server = Fastify({ logger: false });
    server.get('/api/health', async () => ({ status: 'ok' }));
    await registerWebApp(server, fixedClock('2027-06-30T02:00:00.000Z'), root);
    return server;
  }
  const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

  it('serves the app at / and its files', async () => {
    const server = await serverWithApp();
    expect((await server.inject({ url: '/', headers: html })).body).toContain('<title>app</title>');
    expect((await server.inject({ url: '/app.js' })).body).toBe('console.log(1)');
  });

  it('tells the pages the agency’s time, which SHEBAO_TODAY may have fixed', async () => {
    const server = await serverWithApp();
    for (const url of ['/', '/index.html', '/staff/runs']) {
      const reply = await server.inject({ url, headers: html });
      expect(reply.body, url).toContain('<meta name="shebao-now" content="2027-06-30T02:00:00.000Z"></head>');
      expect(reply.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('answers a browser opening one of the app’s own addresses with index.html', async () => {
    const server = await serverWithApp();
    for (const url of ['/login/person', '/person/contributions?year=2025', '/verify/ABCD-EFGH-JKMN-PQRS']) {
      const reply = await server.inject({ url, headers: html });
      expect(reply.statusCode, url).toBe(200);
      expect(reply.headers['content-type']).toMatch(/text\/html/);
    }
  });

  it('keeps 404 for API calls, JSON requests, missing files and other methods', async () => {
    const server = await serverWithApp();
    expect((await server.inject({ url: '/api/nothing', headers: html })).statusCode).toBe(404);
    const json = { accept: 'application/json' };
    expect((await server.inject({ url: '/verify/ABCD-EFGH-JKMN-PQRS', headers: json })).statusCode).toBe(404);
    expect((await server.inject({ url: '/assets/gone-123.js', headers: html })).statusCode).toBe(404);
    expect((await server.inject({ method: 'POST', url: '/login/person', headers: html })).statusCode).toBe(
      404,
    );
    expect((await server.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });
  });

  it('does nothing when the app was not built', async () => {
    const server = Fastify({ logger: false });
    await registerWebApp(server, fixedClock('2027-06-30T02:00:00.000Z'), join(root, 'missing'));
    expect((await server.inject({ url: '/', headers: html })).statusCode).toBe(404);
  });
});
