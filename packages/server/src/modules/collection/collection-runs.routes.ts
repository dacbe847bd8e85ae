import { notAfter } from '../../http/cross-field-rules.ts';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idempotencyHeaders, replyIdempotently } from '../../http/idempotency-key.ts';
import { regionInBody } from '../../http/scopes.ts';
import {
  adjustBody,
  adjustResult,
  runBody,
  runResult,
  settleBody,
  settleResult,
} from './collection-runs.schemas.ts';

const tags = ['collection'];
const optionalKey = idempotencyHeaders.partial();

/** The month's run, reassessment and settlement of a region: each starts its workflow (app.workflows). */
export const collectionRoutes: RoutePlugin = (server, app) => {
  const deps = () => ({ db: app.database.db, clock: app.clock, policy: app.policy });

  server.post(
    '/api/collection/runs',
    {
      schema: {
        tags,
        summary: 'Assess a month for a region: one bill per employer and flexible worker; safe to repeat',
        headers: optionalKey,
        body: runBody,
        response: { 200: runResult },
      },
      config: { access: accessTo('collection-runs', 'start', regionInBody) },
    },
    async (request, reply) => {
      const work = () => app.workflows.runCollection(deps(), request.body);
      if (!request.headers['idempotency-key']) return work();
      return replyIdempotently(app.database.db, request, reply, 200, work, app.clock.now().toISOString());
    },
  );
  server.post(
    '/api/collection/adjustments',
    {
      schema: {
        tags,
        summary: 'Re-assess months already billed and bill the differences once',
        headers: optionalKey,
        body: adjustBody,
        response: { 200: adjustResult },
      },
      config: {
        access: accessTo('collection-runs', 'start', regionInBody),
        crossFieldRules: [notAfter('body', 'fromPeriod', 'toPeriod', 'toPeriod')],
      },
    },
    async (request, reply) => {
      const work = () => app.workflows.reassessMonths(deps(), request.body);
      if (!request.headers['idempotency-key']) return work();
      return replyIdempotently(app.database.db, request, reply, 200, work, app.clock.now().toISOString());
    },
  );
  server.post(
    '/api/collection/settlements',
    {
      schema: {
        tags,
        summary: 'Settle estimated months (SIL Art. 62) that have been declared since; safe to repeat',
        headers: optionalKey,
        body: settleBody,
        response: { 200: settleResult },
      },
      config: { access: accessTo('collection-runs', 'start', regionInBody) },
    },
    async (request, reply) => {
      const work = () => app.workflows.settleEstimates(deps(), request.body);
      if (!request.headers['idempotency-key']) return work();
      return replyIdempotently(app.database.db, request, reply, 200, work, app.clock.now().toISOString());
    },
  );
};
