import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from '../app/index.ts';
import { installAccessControl, type ApiRoute } from './access.ts';
import type { RoutePlugin } from './api-server.ts';
import { CSV_MEDIA_TYPES, installBodyMediaTypeCheck } from './body-media-types.ts';
import { installErrorHandling, sendProblem } from './error-handler.ts';
import {
  installRequestLogging,
  prettyLogDestination,
  resolveLogFormat,
  type LogDestination,
} from './log-format.ts';
import { registerOpenApi } from './openapi.ts';
import { installAccessLogging } from './personal-data.ts';
import { apiRoutePlugins } from './api.routes.ts';
import { toHttpError } from './to-http-error.ts';
import { registerWebApp } from './web-app.ts';
import {
  openSigningKey,
  registerVerificationRoutes,
  statementPdf,
  type SigningKey,
} from '../modules/statements/index.ts';
import { accessTo } from './access-rules.ts';

/** JSON bodies larger than this are refused with 413; file uploads declare their own limit. */
export const BODY_LIMIT_BYTES = 1_048_576;

export interface ServerOptions {
  logger?: boolean;
  /** Which proxies' X-Forwarded-* headers to believe; by default config.trustProxy (SHEBAO_TRUST_PROXY). */
  trustProxy?: false | number | readonly string[];
  /** Login attempts per client address and minute (the growing per-name and per-address waits are separate). */
  loginRateLimit?: number;
  /** The statement signing key; by default opened from config.signingKeyFile (openSigningKey). */
  signingKey?: SigningKey;
  /**
   * Routes registered after the product's, under the same hooks and access control: for benchmarks
   * (bench-inquiry's ceiling route), never part of the product's route table.
   */
  extraRoutes?: readonly RoutePlugin[];
  /** Where log lines go (standard output by default), in the format LOG_FORMAT or the terminal chooses. */
  logDestination?: LogDestination;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its access policy, for the route table test. */
    apiRoutes: readonly import('./access.ts').ApiRoute[];
  }
}

/** Fastify's form of the setting: addresses as one comma-separated string, hops as a function. */
function toFastifyTrustProxy(
  setting: false | number | readonly string[],
): FastifyServerOptions['trustProxy'] {
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting; // the n nearest hops
  return typeof setting === 'object' ? setting.join(',') : setting;
}

/** A request id from a proxy is kept when it looks like one; anything else gets a fresh UUID. */
function requestIdOf(header: unknown): string {
  return typeof header === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(header) ? header : crypto.randomUUID();
}

/** The HTTP server: the API under /api and the built web app at "/". */
export async function buildServer(app: App, options: ServerOptions = {}): Promise<FastifyInstance> {
  const logFormat = resolveLogFormat(app.config.logFormat, process.stdout.isTTY === true);
  const destination = options.logDestination ?? process.stdout;
  const server = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: app.config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
            stream: logFormat === 'pretty' ? prettyLogDestination(destination) : destination,
          },
    // One line per request, written when it is answered (installRequestLogging), not two.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (request) => requestIdOf(request.headers['x-request-id']),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: toFastifyTrustProxy(options.trustProxy ?? app.config.trustProxy),
    // Ids and paths are short; refuse absurd URLs before routing.
    routerOptions: { maxParamLength: 100 },
    // The router's own refusals (a malformed or overlong URL) leave as problem documents too.
    frameworkErrors: (error, request, reply) => sendProblem(request, reply, toHttpError(error)),
  }).withTypeProvider<ZodTypeProvider>();
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  installErrorHandling(server);
  installRequestLogging(server);
  installBodyMediaTypeCheck(server);
  server.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs'))
      reply.header('cache-control', 'no-store');
  });

  await server.register(fastifyHelmet, {
    // The API answers JSON only; the web app and the docs viewer load their scripts from this origin.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    // Sent below, and only over https: over plain http the header means nothing (RFC 6797 §7.2).
    hsts: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await server.register(fastifyCookie);
  await server.register(fastifyRateLimit, { global: false });

  const apiRoutes: ApiRoute[] = [];
  server.decorate('apiRoutes', apiRoutes);
  installAccessControl(server, app.auth, apiRoutes);
  installAccessLogging(server, app);
  await registerOpenApi(server);

  // CSV uploads arrive as text; only the routes that declare them take them (body-media-types.ts).
  server.addContentTypeParser([...CSV_MEDIA_TYPES], { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  server.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Is the server up',
        response: { 200: z.object({ status: z.literal('ok'), database: z.string(), time: z.string() }) },
      },
      config: { access: accessTo('service', 'describe') },
    },
    async () => ({
      status: 'ok' as const,
      database: app.database.dialect,
      time: app.clock.now().toISOString(),
    }),
  );
  const signingKey =
    options.signingKey ??
    (await openSigningKey(app.database.db, app.config.signingKeyFile, app.clock.now().toISOString()));
  const settings = { loginRateLimit: options.loginRateLimit ?? 20, signingKey };
  // The yearly statement's e-mail carries the statement's PDF (docs/RULES.md 17.5).
  app.notifications.attachStatementPdf((code, language) =>
    statementPdf(
      {
        db: app.database.db,
        publicKey: signingKey.publicKey,
        keyId: signingKey.keyId,
        publicBaseUrl: app.config.publicBaseUrl,
      },
      { code, lang: language === 'en' ? 'en' : 'zh' },
    ),
  );
  for (const plugin of [...apiRoutePlugins, ...(options.extraRoutes ?? [])]) plugin(server, app, settings);
  // The public verification page, outside /api: no login, the access layer leaves it alone.
  await registerVerificationRoutes(server, {
    db: app.database.db,
    publicKey: signingKey.publicKey,
    keyId: signingKey.keyId,
  });

  await registerWebApp(server, app.clock);
  await server.ready();
  return server;
}
