import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idempotencyHeaders, optionalIdempotencyKeyOf, replyProposed } from '../../http/idempotency-key.ts';
import { decodeCursor, encodeCursor, pageLimit, pageQuery } from '../../http/pagination.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { personInParams, regionInQuery } from '../../http/scopes.ts';
import { idText, regionCodeText } from '../../http/shared.schemas.ts';
import { approval, decisionOf, secondPersonDecision } from '../approvals/index.ts';
import { deathReportInput, deathReportView } from './death-reports.schemas.ts';

const tags = ['survival'];
const params = z.strictObject({ personId: idText });
const proposedReply = z.object({ approval, report: deathReportView });

/** Death reports: recorded by one officer, confirmed or rejected by a second (docs/RULES.md 14.10). */
export const deathReportRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/persons/:personId/death-reports',
    {
      schema: {
        tags,
        summary:
          'Record a death report with the heirs and who receives the funeral grant; a second officer confirms it',
        params,
        headers: idempotencyHeaders.partial(),
        body: deathReportInput,
        response: { 201: proposedReply, 200: proposedReply },
      },
      config: {
        access: accessTo('death-reports', 'record', personInParams(app)),
        personalData: { what: 'death report', persons: 'scope' },
        crossFieldRules: [
          { in: 'body', field: 'reporterName', rule: 'required when reportedBy is "relative"' },
          {
            in: 'body',
            field: 'heirs',
            rule: 'every share a fraction (together exactly one) or every share a number of parts',
          },
          { in: 'body', field: 'funeralPayee', rule: 'heirIndex must name one of the heirs listed' },
        ],
      },
    },
    async (request, reply) => {
      const key = optionalIdempotencyKeyOf(request);
      const proposed = await app.workflows.proposeDeathReport(
        app,
        request.params.personId,
        request.body,
        request.principal!,
        key,
      );
      return replyProposed(reply, proposed, { approval: proposed.approval, report: proposed.report });
    },
  );
  server.get(
    '/api/persons/:personId/death-reports',
    {
      schema: {
        tags,
        summary: 'A person’s death reports, newest first (identity numbers and accounts masked)',
        params,
        response: { 200: z.object({ items: z.array(deathReportView) }) },
      },
      config: {
        access: accessTo('death-reports', 'read', personInParams(app)),
        personalData: { what: 'death reports', persons: 'scope' },
      },
    },
    async (request) => ({ items: await app.survival.listPersonReports(request.params.personId) }),
  );
  server.post(
    '/api/persons/:personId/death-reports/decision',
    {
      schema: {
        tags,
        summary:
          'A second officer confirms the person’s proposed death report (payment stops after the month of death) or rejects it',
        params,
        body: secondPersonDecision,
        response: { 200: proposedReply },
      },
      config: {
        access: accessTo('death-reports', 'decide', personInParams(app)),
        personalData: { what: 'death report', persons: 'scope' },
      },
    },
    async (request) =>
      app.workflows.decideDeathReport(
        app,
        request.params.personId,
        decisionOf(request.body),
        request.principal!,
      ),
  );
  server.get(
    '/api/death-reports',
    {
      schema: {
        tags,
        summary: 'The region’s death reports in a state (waiting for the second officer by default)',
        querystring: z.strictObject({
          regionCode: regionCodeText,
          state: z.enum(['proposed', 'confirmed', 'rejected']).optional(),
          ...pageQuery,
        }),
        response: {
          200: z.object({ items: z.array(deathReportView), nextCursor: z.string().nullable() }),
        },
      },
      config: {
        access: accessTo('death-reports', 'list-region', regionInQuery),
        personalData: { what: 'death reports', persons: 'handler' },
      },
    },
    async (request) => {
      const limit = pageLimit(request.query.limit);
      const afterId = decodeCursor(request.query.cursor, ['number'])?.[0] as number | undefined;
      const items = await app.survival.listRegionReports({
        regionCode: request.query.regionCode,
        state: request.query.state ?? 'proposed',
        limit: limit + 1,
        ...(afterId === undefined ? {} : { afterId }),
      });
      const page = items.slice(0, limit);
      markPersonsRead(
        request,
        page.map((item) => item.personId),
      );
      return { items: page, nextCursor: items.length > limit ? encodeCursor([page.at(-1)!.id]) : null };
    },
  );
};
