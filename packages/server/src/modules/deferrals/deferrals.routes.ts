import type { RoutePlugin } from '../../http/api-server.ts';
import { notAfter } from '../../http/cross-field-rules.ts';
import { COLLECTION_WRITERS } from '../../http/role-groups.ts';
import { payerCodeScope } from '../../http/scopes.ts';
import { approveDeferral } from './approve-deferral.ts';
import { approveDeferralInput, deferral } from './deferrals.schemas.ts';

/** Late-fee deferrals for force majeure (SIL Art. 60); the approver is the staff member logged in. */
export const deferralRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/deferrals',
    {
      schema: {
        tags: ['collection'],
        summary: 'Record a deferral: no late fee accrues on the payer’s overdue bills for its days',
        body: approveDeferralInput.omit({ approvedBy: true }).strict(),
        response: { 201: deferral, 200: deferral },
      },
      config: {
        crossFieldRules: [notAfter('body', 'fromDate', 'toDate', 'toDate')],
        access: {
          roles: COLLECTION_WRITERS,
          scope: (request) => payerCodeScope(app, (request.body as { payerCode: string }).payerCode),
        },
      },
    },
    async (request, reply) => {
      const result = await approveDeferral(
        { db: app.database.db, clock: app.clock },
        { ...request.body, approvedBy: request.principal!.loginKey },
      );
      reply.status(result.replayed ? 200 : 201);
      return result;
    },
  );
};
