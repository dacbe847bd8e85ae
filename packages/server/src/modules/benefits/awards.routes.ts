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

const stopInput = z.strictObject({
  /** The last month owed: the month the reason arose. */
  lastMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM'),
  reason: z.enum(['re-employed', 'conscripted', 'emigrated', 'pension-started', 'refused-suitable-job']),
});

const stoppedReply = z.object({
  items: z.array(
    z.object({
      awardNo: z.string(),
      lastMonth: z.string(),
      claim: z
        .object({
          id: z.number().int(),
          pooledFen: z.number().int(),
          accountFen: z.number().int(),
          months: z.array(z.string()),
        })
        .nullable(),
    }),
  ),
});

/** Staff end a person's unemployment benefit for one of the law's reasons (docs/RULES.md 15.18; SIL Art. 51). */
export const unemploymentStopRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/persons/:personId/unemployment-stop',
    {
      schema: {
        tags,
        summary:
          'End the person’s unemployment benefit after a month (re-employed, conscripted, emigrated, a pension begins, a suitable job refused); months paid beyond it are claimed back',
        params: z.strictObject({ personId: idText }),
        body: stopInput,
        response: { 200: stoppedReply },
      },
      config: { access: accessTo('benefit-awards', 'stop', personInParams(app)) },
    },
    async (request) => ({
      items: await app.workflows.stopUnemploymentBenefit(app, {
        personId: request.params.personId,
        lastMonth: request.body.lastMonth,
        reason: request.body.reason,
      }),
    }),
  );
};
