import { z } from 'zod';
import type { RoutePlugin } from '../../http/api-server.ts';
import { decodeCursor, pageLimit, pageQuery, pageReply, toPage } from '../../http/pagination.ts';
import { COLLECTION_WRITERS, STAFF_READERS } from '../../http/role-groups.ts';
import { idText, periodText, regionCodeText } from '../../http/shared.schemas.ts';
import { createCollectionJobRunner, getCollectionJob, listCollectionJobs } from './collection-jobs.ts';

const tags = ['collection'];

const collectionJob = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  period: z.string(),
  status: z.enum(['running', 'done', 'failed', 'interrupted']),
  payersDone: z.number().int(),
  payersTotal: z.number().int().nullable(),
  personMonths: z.number().int(),
  bills: z.number().int(),
  totalFen: z.number().int(),
  runId: z.number().int().nullable(),
  error: z.string().nullable(),
  startedBy: z.number().int(),
  startedAt: z.string(),
  heartbeatAt: z.string(),
  finishedAt: z.string().nullable(),
});

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
        body: z.strictObject({ regionCode: regionCodeText, period: periodText }),
        response: { 200: collectionJob, 202: collectionJob },
      },
      config: {
        access: {
          roles: COLLECTION_WRITERS,
          scope: (request) => ({ regionCode: (request.body as { regionCode: string }).regionCode }),
        },
      },
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
        querystring: z.strictObject({
          regionCode: regionCodeText,
          period: periodText.optional(),
          ...pageQuery,
        }),
        response: { 200: pageReply(collectionJob) },
      },
      config: {
        access: {
          roles: STAFF_READERS,
          scope: (request) => ({ regionCode: (request.query as { regionCode: string }).regionCode }),
        },
      },
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
        access: {
          roles: STAFF_READERS,
          scope: async (request) => {
            const found = await getCollectionJob(deps, (request.params as { jobId: number }).jobId).catch(
              () => undefined,
            );
            return found ? { regionCode: found.regionCode } : {};
          },
        },
      },
    },
    async (request) => getCollectionJob(deps, request.params.jobId),
  );
};
