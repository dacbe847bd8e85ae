import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { regionInBody } from '../../http/scopes.ts';
import { idText } from '../../http/shared.schemas.ts';
import { deliveryOverview, noticeRunInput, noticeRunView } from './notifications.schemas.ts';

const tags = ['notices'];

/**
 * The staff's side of notices (docs/RULES.md 17.4, 17.5): the runs that tell a whole region (the yearly
 * statement, the monthly details), started in the background and followed by their progress, and how
 * deliveries stand with the ones given up.
 */
export const noticeRunRoutes: RoutePlugin = (server, app, settings) => {
  server.post(
    '/api/notice-runs',
    {
      schema: {
        tags,
        summary: 'Start (or resume) the yearly statement or the monthly details for a region',
        body: noticeRunInput,
        response: { 202: noticeRunView },
      },
      config: { access: accessTo('notice-runs', 'run', regionInBody) },
    },
    async (request, reply) => {
      const run = await app.notifications.startRun(
        { signingKey: settings.signingKey, publicBaseUrl: app.config.publicBaseUrl },
        request.body,
        request.principal!.loginKey,
      );
      reply.status(202);
      return run;
    },
  );
  server.get(
    '/api/notice-runs/:runId',
    {
      schema: {
        tags,
        summary: 'A run’s progress',
        params: z.strictObject({ runId: idText }),
        response: { 200: noticeRunView },
      },
      config: { access: accessTo('notice-runs', 'read') },
    },
    (request) => app.notifications.getRun(request.params.runId),
  );
  server.get(
    '/api/notices/overview',
    {
      schema: {
        tags,
        summary: 'Deliveries by channel and status, those given up, and the recent runs',
        response: { 200: deliveryOverview },
      },
      config: { access: accessTo('notice-runs', 'read') },
    },
    () => app.notifications.overview(),
  );
};
