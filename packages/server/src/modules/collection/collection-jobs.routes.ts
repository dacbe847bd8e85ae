import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { decodeCursor, pageLimit, pageReply, toPage } from '../../http/pagination.ts';
import { idText } from '../../http/shared.schemas.ts';
import { regionInBody, regionInQuery } from '../../http/scopes.ts';
import { collectionJob, jobsQuery, startJobBody } from './collection-jobs.schemas.ts';
import { createCollectionJobRunner, getCollectionJob, listCollectionJobs } from './collection-jobs.ts';

const tags = ['collection'];

/**
 * A month's run as a background job: started here, followed by polling GET …/jobs/{id}. The jobs run in
 * this server process; closing the server waits for them. POST /api/collection/runs stays the
 * synchronous way for scripts.
 */
export const collectionJobRoutes: RoutePlugin = (server, app) => {
  const deps = { db: app.database.db, clock: app.clock, policy: app.policy };
  const runner = createCollectionJobRunner(deps, app.workflows.runCollection);
  // Jobs left "running" by a process that is gone (a crash, a kill) are interrupted at once, not after the lease.
  server.addHook('onReady', async () => {
    await runner.sweep();
  });
  server.addHook('onClose', () => runner.drain());

  server.post(
    '/api/collection/jobs',
    {
      schema: {
        tags,
        summary:
          'Start assessing a month for a region in the background (202), or get the job already running it (200)',
        body: startJobBody,
        response: { 200: collectionJob, 202: collectionJob },
      },
      config: { access: accessTo('collection-runs', 'start', regionInBody) },
    },
    async (request, reply) => {
      const { job, started } = await runner.start(request.body, request.principal!.userId);
      reply.status(started ? 202 : 200);
      return job;
    },
  );
  server.get(
    '/api/collection/jobs',
    {
      schema: {
        tags,
        summary: "A region's collection jobs, newest first (cursor pages)",
        querystring: jobsQuery,
        response: { 200: pageReply(collectionJob) },
      },
      config: { access: accessTo('collection-runs', 'read', regionInQuery) },
    },
    async (request) => {
      const { regionCode, period, cursor, limit } = request.query;
      const size = pageLimit(limit);
      const beforeId = decodeCursor(cursor, ['number'])?.[0] as number | undefined;
      const rows = await listCollectionJobs(deps, {
        regionCode,
        ...(period === undefined ? {} : { period }),
        ...(beforeId === undefined ? {} : { beforeId }),
        limit: size + 1,
      });
      return toPage(rows, size, (row) => [row.id]);
    },
  );
  server.get(
    '/api/collection/jobs/:jobId',
    {
      schema: {
        tags,
        summary: 'One collection job: its progress while it runs, its result when done',
        params: z.strictObject({ jobId: idText }),
        response: { 200: collectionJob },
      },
      config: {
        access: accessTo('collection-runs', 'read', async (request) => {
          const found = await getCollectionJob(deps, (request.params as { jobId: number }).jobId).catch(
            () => undefined,
          );
          return found ? { regionCode: found.regionCode } : {};
        }),
      },
    },
    async (request) => getCollectionJob(deps, request.params.jobId),
  );
};
