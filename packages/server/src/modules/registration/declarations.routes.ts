import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { declareMonthBody, declareMonthRules } from './declarations.schemas.ts';
import { registrationReply } from './records.schemas.ts';
import { employerOrPersonInBody } from './registration.scopes.ts';

const tags = ['registration'];

/** An employer's monthly declaration (月度申报). */
export const declarationRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/declarations',
    {
      schema: {
        tags,
        summary: "Declare an employer's month (SIL Art. 60)",
        body: declareMonthBody,
        response: { 201: registrationReply },
      },
      config: {
        access: accessTo('declarations', 'declare', employerOrPersonInBody(app)),
        crossFieldRules: declareMonthRules,
      },
    },
    async (request, reply) => {
      reply.status(201);
      return (await app.registration.declareMonth(request.body)) as unknown as Record<string, unknown>;
    },
  );
};
