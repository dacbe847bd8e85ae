import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from '../app/index.ts';
import type { SigningKey } from '../modules/statements/index.ts';

/** The Fastify instance routes are declared on: Zod schemas type the handlers. */
export type ApiServer = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RouteSettings {
  /** Login attempts per client address and minute. */
  loginRateLimit: number;
  /** The key statements are signed with, loaded or created at start-up. */
  signingKey: SigningKey;
}

/** A module's routes: declared on the server, served over the app's services. */
export type RoutePlugin = (server: ApiServer, app: App, settings: RouteSettings) => void;
