import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idempotencyHeaders, idempotencyKeyOf, idempotencyScope } from '../../http/idempotency-key.ts';
import { approval } from '../approvals/index.ts';
import { paymentInParams } from './payments.routes.ts';
import { paymentNoParams, paymentReversalInput } from './payments.schemas.ts';

const tags = ['payments'];

/**
 * The proposal to reverse a payment recorded in error; a second collection officer applies it by
 * approving it (POST /api/approvals/{id}/approve). Both steps are workflows/payment-reversal.ts.
 */
export const paymentReversalRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/payments/:paymentNo/reversals',
    {
      schema: {
        tags,
        summary:
          'Propose reversing a payment recorded in error; it is applied when a second collection officer approves it',
        description:
          'Requires an Idempotency-Key: a repeat returns the first proposal; the key with another body is a 409. ' +
          'On approval every allocation of the payment is taken back, its held credit removed, its late fee ' +
          'cancelled and personal-account credits of bills no longer paid in full taken back.',
        headers: idempotencyHeaders,
        params: paymentNoParams,
        body: paymentReversalInput.pick({ reason: true }),
        response: { 202: approval, 200: approval },
      },
      config: { access: accessTo('payments', 'reverse', paymentInParams(app)) },
    },
    async (request, reply) => {
      // workflows/payment-reversal.ts: read the payment, find its payer's region, store the proposal.
      const { approval: proposal, replayed } = await app.workflows.proposePaymentReversal(
        { db: app.database.db, approvals: app.approvals },
        { paymentNo: request.params.paymentNo, reason: request.body.reason },
        request.principal!,
        `${idempotencyScope(request)}:${idempotencyKeyOf(request)}`,
      );
      if (replayed) reply.header('idempotency-replayed', 'true');
      reply.status(replayed ? 200 : 202);
      return proposal;
    },
  );
};
