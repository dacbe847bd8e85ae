import Fastify, { type FastifyInstance } from 'fastify';
import type { App } from '../app/index.ts';
import { registerWebApp } from './web-app.ts';

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

  await registerWebApp(server);
  return server;
}
