import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../app/index.ts';

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** The meta tag that tells the web app the agency's time (packages/web/src/shell/agency-clock.ts reads it). */
export const AGENCY_NOW_META = 'shebao-now';

/**
 * Serves the built web app (packages/web/dist) at "/". The app routes in the browser, so a page address
 * that no server route answers (/login/person, /person/...) gets index.html when a browser asks for a
 * page; API calls and JSON requests still get their 404. Works with any not-found handler, because it
 * runs as an onRequest hook on requests that matched no route. Nothing happens when dist/ is missing.
 *
 * index.html carries the server's clock in a meta tag, so the pages' "today" (the month a run assesses,
 * the date a payment defaults to) is the agency's, fixed by SHEBAO_TODAY in demos and tests, and not
 * whatever the visitor's computer says.
 */
export async function registerWebApp(
  server: FastifyInstance,
  clock: Clock,
  root: string = WEB_DIST,
): Promise<void> {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return;
  const indexHtml = readFileSync(indexFile, 'utf8');
  // One route per built file (no catch-all route), so an address that is not a file stays a 404 here;
  // index.html itself is only ever sent with the clock in it (the hook answers before its route).
  await server.register(fastifyStatic, { root, wildcard: false, index: false });
  server.addHook('onRequest', async (request, reply) => {
    if (isIndexRequest(request) || (request.is404 && isPageRequest(request))) {
      const meta = `<meta name="${AGENCY_NOW_META}" content="${clock.now().toISOString()}">`;
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .send(indexHtml.replace('</head>', `${meta}</head>`));
    }
  });
}

function isIndexRequest(request: FastifyRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') && request.url.split('?')[0] === '/index.html'
  );
}

function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (path.startsWith('/api/') || path === '/api' || /\.[a-z0-9]+$/i.test(path)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}
