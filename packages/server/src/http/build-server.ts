import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../app/index.ts';

const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** The HTTP server: the API under /api and the built web app at "/". */
export async function buildServer(app: App, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const server = Fastify({
    logger: options.logger === false ? false : { level: app.config.logLevel },
    genReqId: () => crypto.randomUUID(),
  });

  server.get('/api/health', async () => ({
    status: 'ok',
    database: app.database.dialect,
    time: app.clock.now().toISOString(),
  }));

  if (existsSync(WEB_DIST)) {
    await server.register(fastifyStatic, { root: WEB_DIST });
  }
  return server;
}
