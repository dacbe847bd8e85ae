import { regionCodePrefix } from '@shebao/domain';
import { z } from 'zod';
import type { RoutePlugin } from '../../http/api-server.ts';
import { accessTo } from '../../http/access-rules.ts';
import { decodeCursor, pageLimit, pageReply, toPage } from '../../http/pagination.ts';
import { idText } from '../../http/shared.schemas.ts';
import { approval, approvalsQuery, decisionBody } from './approvals.schemas.ts';

const tags = ['approvals'];

export const approvalRoutes: RoutePlugin = (server, app) => {
  /** The region of the approval named by the path's `:approvalId` (none when there is no such approval). */
  const regionOfApproval = async (request: { params: unknown }) => {
    const found = await app.approvals
      .get((request.params as { approvalId: number }).approvalId)
      .catch(() => undefined);
    return found ? { regionCode: found.regionCode } : {};
  };
  server.get(
    '/api/approvals',
    {
      schema: {
        tags,
        summary: "Proposed sensitive changes in the caller's regions, by id (cursor pages)",
        querystring: approvalsQuery,
        response: { 200: pageReply(approval) },
      },
      config: { access: accessTo('approvals', 'read') },
    },
    async (request) => {
      const size = pageLimit(request.query.limit);
      const afterId = decodeCursor(request.query.cursor, ['number'])?.[0] as number | undefined;
      const rows = await app.approvals.list({
        // Staff see the proposals of their own regions only (least privilege), as they decide only those.
        regionPrefixes: request.principal!.regionCodes.map((code) => regionCodePrefix(code)),
        ...(request.query.status ? { status: request.query.status } : {}),
        ...(afterId === undefined ? {} : { afterId }),
        limit: size + 1,
      });
      return toPage(rows, size, (row) => [row.id]);
    },
  );
  for (const decision of ['approve', 'reject'] as const) {
    server.post(
      `/api/approvals/:approvalId/${decision}`,
      {
        schema: {
          tags,
          summary:
            decision === 'approve'
              ? 'Approve and apply a proposed change (not your own)'
              : 'Reject a proposed change (not your own)',
          params: z.strictObject({ approvalId: idText }),
          body: decisionBody,
          response: { 200: approval },
        },
        // Who may decide depends on the kind (a parameter: administrators; a base correction or a payment
        // reversal: collection officers too); the service checks it against the kind's applier.
        config: { access: accessTo('approvals', 'decide', regionOfApproval) },
      },
      async (request) =>
        app.approvals[decision](request.params.approvalId, request.principal!, request.body.note),
    );
  }
};
