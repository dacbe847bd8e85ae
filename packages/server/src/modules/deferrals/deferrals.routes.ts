import type { RoutePlugin } from '../../http/api-server.ts';
import { notAfter } from '../../http/cross-field-rules.ts';
import { accessTo } from '../../http/access-rules.ts';
import { payerCodeInBody } from '../../http/scopes.ts';
import { deferral, deferralBody } from './deferrals.schemas.ts';

/** Late-fee deferrals for force majeure (SIL Art. 60); the approver is the staff member logged in. */
export const deferralRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/deferrals',
    {
      schema: {
        tags: ['collection'],
        summary: 'Record a deferral: no late fee accrues on the payer’s overdue bills for its days',
        body: deferralBody,
        response: { 201: deferral, 200: deferral },
      },
      config: {
        crossFieldRules: [notAfter('body', 'fromDate', 'toDate', 'toDate')],
        access: accessTo('deferrals', 'record', payerCodeInBody(app)),
      },
    },
    async (request, reply) => {
      // workflows/approve-deferral.ts: the payer named, the deferral recorded, in one transaction.
      const result = await app.workflows.approveDeferral(
        { db: app.database.db, clock: app.clock },
        { ...request.body, approvedBy: request.principal!.loginKey },
      );
      reply.status(result.replayed ? 200 : 201);
      return result;
    },
  );
};
