import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/**
 * Serves the built web app (packages/web/dist) at "/". The app routes in the browser, so a page address
 * that no server route answers (/login/person, /person/...) gets index.html when a browser asks for a
 * page; API calls and JSON requests still get their 404. Works with any not-found handler, because it
 * runs as an onRequest hook on requests that matched no route. Nothing happens when dist/ is missing.
 */
export async function registerWebApp(server: FastifyInstance, root: string = WEB_DIST): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) return;
  // One route per built file (no catch-all route), so an address that is not a file stays a 404 here.
  await server.register(fastifyStatic, { root, wildcard: false });
  server.addHook('onRequest', async (request, reply) => {
    if (request.is404 && isPageRequest(request)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
  });
}

function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (path.startsWith('/api/') || path === '/api' || /\.[a-z0-9]+$/i.test(path)) return false;
  return (request.headers.accept ?? '').includes('text/html');
}
