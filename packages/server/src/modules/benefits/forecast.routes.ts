import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { personInParams } from '../../http/scopes.ts';
import { idText } from '../../http/shared.schemas.ts';
import { forecastQuery, forecastReply } from './forecast.schemas.ts';
import { invitationView } from './invitations.schemas.ts';

const tags = ['benefits'];
const params = z.strictObject({ personId: idText });

/** What the person sees ahead of retirement: the forecast and the invitations (docs/RULES.md 14.8, 14.13). */
export const forecastRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/persons/:personId/pension-forecast',
    {
      schema: {
        tags,
        summary:
          'A what-if pension on the person’s own record: earliest, statutory and latest start side by side, under stated assumptions the person may change',
        params,
        querystring: forecastQuery,
        response: { 200: forecastReply },
      },
      config: {
        access: accessTo('pension-forecast', 'read', personInParams(app)),
        personalData: { what: 'pension forecast', persons: 'scope' },
      },
    },
    async (request) => app.benefits.forecast(request.params.personId, request.query),
  );
  server.get(
    '/api/persons/:personId/retirement-invitations',
    {
      schema: {
        tags,
        summary:
          'The person’s invitations to claim the pension, or the shortfall and the options told in time',
        params,
        response: { 200: z.object({ items: z.array(invitationView) }) },
      },
      config: {
        access: accessTo('retirement-invitations', 'read', personInParams(app)),
        personalData: { what: 'retirement invitations', persons: 'scope' },
      },
    },
    async (request) => ({ items: await app.benefits.invitationsOf(request.params.personId) }),
  );
};
