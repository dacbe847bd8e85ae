import { z } from 'zod';
import type { RoutePlugin } from '../../http/api-server.ts';
import { accessTo } from '../../http/access-rules.ts';
import { regionInBody } from '../../http/scopes.ts';
import { approval } from '../approvals/index.ts';
import { newParameterVersionInput, parametersQuery, policyParameter } from './policy.schemas.ts';

const tags = ['policy'];

export const policyRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/policy/parameters',
    {
      schema: {
        tags,
        summary: 'Policy parameter versions (rates, floors, ceilings, wages), filtered by name or region',
        querystring: parametersQuery,
        response: { 200: z.object({ items: z.array(policyParameter) }) },
      },
      config: { access: accessTo('policy', 'read') },
    },
    async (request) => ({
      items: (await app.policy.list({
        ...(request.query.name ? { name: request.query.name } : {}),
        ...(request.query.regionCode ? { regionCode: request.query.regionCode } : {}),
      })) as z.infer<typeof policyParameter>[],
    }),
  );
  server.post(
    '/api/policy/parameters',
    {
      schema: {
        tags,
        summary: 'Propose a new parameter version; it applies when a second administrator approves it',
        body: newParameterVersionInput,
        response: { 202: approval },
      },
      config: {
        access: accessTo('policy', 'propose', regionInBody),
      },
    },
    async (request, reply) => {
      const body = request.body;
      const proposal = await app.approvals.propose(
        'policy.addVersion',
        body,
        {
          regionCode: body.regionCode,
          summary: `${body.name} in ${body.regionCode} from ${body.validFrom}: ${JSON.stringify(body.value)} (${body.source})`,
        },
        request.principal!,
      );
      reply.status(202);
      return proposal;
    },
  );
};
