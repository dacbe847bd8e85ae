import type { FastifyRequest } from 'fastify';
import type { App } from '../../app/index.ts';
import type { Scope } from '../../http/access.ts';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idempotencyHeaders, idempotencyKeyOf, idempotencyScope } from '../../http/idempotency-key.ts';
import { decodeCursor, pageLimit, pageReply, toPage } from '../../http/pagination.ts';
import { payerCodeInBody, payerInQuery, payerKeyScope } from '../../http/scopes.ts';
import { resolvePayer } from '../payers/index.ts';
import { findPaymentPayer, listPayments } from './payments.repository.ts';
import { getReceipt } from './read-receipt.ts';
import { recordPayment } from './record-payments.ts';
import { paymentNoParams, paymentsQuery, paymentSummary, receipt, recordBody } from './payments.schemas.ts';

const tags = ['payments'];

/** The payer of the payment named by the path's `:paymentNo` (none when there is no such payment). */
export const paymentInParams =
  (app: App) =>
  async (request: FastifyRequest): Promise<Scope> => {
    const payerKey = await findPaymentPayer(
      app.database.db,
      (request.params as { paymentNo: string }).paymentNo,
    );
    return payerKey ? payerKeyScope(app, payerKey) : {};
  };

/** Payments staff record, a payer's payments, a receipt. */
export const paymentRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/payments',
    {
      schema: {
        tags,
        summary: 'Record a payment: oldest bills first, late fees billed, the rest kept as credit',
        description:
          'Requires an Idempotency-Key: a repeat returns the first receipt; the key with another body is a 409.',
        headers: idempotencyHeaders,
        body: recordBody,
        response: { 201: receipt, 200: receipt },
      },
      config: { access: accessTo('payments', 'record', payerCodeInBody(app)) },
    },
    async (request, reply) => {
      const payer = await resolvePayer(app.database.db, request.body.payerCode, 'payerCode');
      const { receipt: result, replayed } = await recordPayment(
        { db: app.database.db, clock: app.clock, policy: app.policy },
        {
          payerKey: payer.payerKey,
          amountFen: request.body.amountFen,
          paidOn: request.body.paidOn,
          bankReference: request.body.bankReference ?? null,
          channel: 'api',
        },
        `${idempotencyScope(request)}:${idempotencyKeyOf(request)}`,
      );
      if (replayed) reply.header('idempotency-replayed', 'true');
      reply.status(replayed ? 200 : 201);
      return result;
    },
  );
  server.get(
    '/api/payments',
    {
      schema: {
        tags,
        summary: "An employer's or a person's payments, by id (cursor pages)",
        querystring: paymentsQuery,
        response: { 200: pageReply(paymentSummary) },
      },
      config: {
        crossFieldRules: [
          { in: 'query', field: 'employerId', rule: 'give exactly one of employerId and personId' },
        ],
        access: accessTo('payments', 'read', payerInQuery(app)),
        personalData: { what: 'payments', persons: 'scope' },
      },
    },
    async (request) => {
      const { employerId, personId, cursor, limit } = request.query;
      const size = pageLimit(limit);
      const afterId = decodeCursor(cursor, ['number'])?.[0] as number | undefined;
      const rows = await listPayments(app.database.db, {
        payerKey: employerId !== undefined ? `E${employerId}` : `P${personId}`,
        ...(afterId === undefined ? {} : { afterId }),
        limit: size + 1,
      });
      return toPage(rows, size, (row) => [row.id]);
    },
  );
  server.get(
    '/api/payments/:paymentNo/receipt',
    {
      schema: {
        tags,
        summary: 'The receipt of a payment',
        params: paymentNoParams,
        response: { 200: receipt },
      },
      config: {
        access: accessTo('payments', 'read', paymentInParams(app)),
        // A flexible worker's payment is theirs; an employer's names nobody.
        personalData: {
          what: (request) => `payment receipt ${(request.params as { paymentNo: string }).paymentNo}`,
          persons: 'scope',
        },
      },
    },
    async (request) => getReceipt(app.database.db, request.params.paymentNo),
  );
};
