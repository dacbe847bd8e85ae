import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { App } from '../../app/index.ts';
import type { Scope } from '../../http/access.ts';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { employerScope, personScope } from '../../http/scopes.ts';
import { newUserInput, userView } from './auth.schemas.ts';

const tags = ['auth'];

/** Accounts of every kind, created by an administrator within their regions. */
export const userRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create an account (staff, system, employer user or insured person)',
        body: newUserInput,
        response: { 201: userView },
      },
      config: {
        access: accessTo('users', 'create', newUserScope(app)),
      },
    },
    async (request, reply) => {
      reply.status(201);
      return app.auth.addUser(request.body, request.principal!.loginKey);
    },
  );
};

/** An administrator may only create accounts within their own regions: the new account's, from the body. */
const newUserScope =
  (app: App) =>
  (request: FastifyRequest): Promise<Scope> =>
    scopeOfNewUser(app, request.body as z.output<typeof newUserInput>);

async function scopeOfNewUser(app: App, body: z.output<typeof newUserInput>): Promise<Scope> {
  if (body.kind === 'staff' || body.kind === 'system') return { regionCodes: body.regionCodes };
  const scope =
    body.kind === 'employer'
      ? await employerScope(app, body.employerId)
      : await personScope(app, body.personId);
  // Staff see no owner ids here: only the region matters.
  return scope.regionCode === undefined ? {} : { regionCode: scope.regionCode };
}
