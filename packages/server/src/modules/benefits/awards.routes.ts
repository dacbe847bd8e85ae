import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { personInParams } from '../../http/scopes.ts';
import { idText } from '../../http/shared.schemas.ts';
import { awardView } from './applications.schemas.ts';

const tags = ['benefits'];

/** A person's awards, every version with its explanation (docs/RULES.md 14.4). */
export const awardRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/persons/:personId/awards',
    {
      schema: {
        tags,
        summary: 'A person’s benefit awards, every version, with the explanation of every part',
        params: z.strictObject({ personId: idText }),
        response: { 200: z.object({ items: z.array(awardView) }) },
      },
      config: {
        access: accessTo('benefit-awards', 'read', personInParams(app)),
        personalData: { what: 'benefit awards', persons: 'scope' },
      },
    },
    async (request) => ({ items: await app.benefits.awardsOf(request.params.personId) }),
  );
};
