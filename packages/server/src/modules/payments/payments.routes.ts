import { z } from 'zod';
import { paymentDate } from '../../shared/business-date.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idempotencyHeaders, idempotencyKeyOf, idempotencyScope } from '../../http/idempotency-key.ts';
import { decodeCursor, pageLimit, pageQuery, pageReply, toPage } from '../../http/pagination.ts';
import { COLLECTION_WRITERS, STAFF_READERS } from '../../http/role-groups.ts';
import { idText } from '../../http/shared.schemas.ts';
import { employerScope, payerCodeScope, payerKeyScope, personScope } from '../../http/scopes.ts';
import { resolvePayer } from '../payers/index.ts';
import { approval } from '../approvals/index.ts';
import { findPaymentPayer, getReceipt, listPayments } from './payment-queries.ts';
import { recordPayment } from './record-payments.ts';
import { proposePaymentReversal } from './propose-reversal.ts';
import { paymentReversalInput } from './reverse-payment.ts';
import { receipt } from './payments.schemas.ts';

const tags = ['payments'];
const fen = z.number().int();

const paymentSummary = z.object({
  id: z.number().int(),
  paymentNo: z.string(),
  payerKey: z.string().nullable(),
  amountFen: fen,
  unappliedFen: fen,
  paidOn: z.string(),
  bankReference: z.string().nullable(),
  channel: z.string(),
  recordedAt: z.string(),
  reversalNo: z.string().nullable(),
});

const recordBody = z.strictObject({
  /** An employer's credit code or a flexible worker's identity number. */
  payerCode: z
    .string()
    .trim()
    .min(15, 'must be a credit code or an identity number')
    .max(18, 'must be a credit code or an identity number'),
  amountFen: z
    .number()
    .int('must be a whole number of fen')
    .positive('must be more than 0')
    .max(1e13, 'is implausibly large'),
  /** The day the money arrived: not in the future, not before 1991 (docs/RULES.md 10.3). */
  paidOn: paymentDate,
  bankReference: z.string().trim().min(1).max(64).optional(),
});

const paymentNoParams = z.strictObject({
  paymentNo: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'is not a payment number'),
});

export const paymentRoutes: RoutePlugin = (server, app) => {
  const paymentScope = async (request: { params: unknown }) => {
    const payerKey = await findPaymentPayer(
      app.database.db,
      (request.params as { paymentNo: string }).paymentNo,
    );
    return payerKey ? payerKeyScope(app, payerKey) : {};
  };
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
      config: {
        access: {
          roles: COLLECTION_WRITERS,
          scope: (request) => payerCodeScope(app, (request.body as { payerCode: string }).payerCode),
        },
      },
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
        querystring: z
          .strictObject({ employerId: idText.optional(), personId: idText.optional(), ...pageQuery })
          .refine((query) => (query.employerId === undefined) !== (query.personId === undefined), {
            message: 'give employerId or personId',
            path: ['employerId'],
          }),
        response: { 200: pageReply(paymentSummary) },
      },
      config: {
        crossFieldRules: [
          { in: 'query', field: 'employerId', rule: 'give exactly one of employerId and personId' },
        ],
        access: {
          roles: [...STAFF_READERS, 'employer_user', 'insured_person'],
          scope: (request) => {
            const query = request.query as { employerId?: number; personId?: number };
            return query.employerId !== undefined
              ? employerScope(app, query.employerId)
              : personScope(app, query.personId!);
          },
        },
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
        access: {
          roles: [...STAFF_READERS, 'employer_user', 'insured_person'],
          scope: paymentScope,
        },
        // A flexible worker's payment is theirs; an employer's names nobody.
        personalData: {
          what: (request) => `payment receipt ${(request.params as { paymentNo: string }).paymentNo}`,
          persons: 'scope',
        },
      },
    },
    async (request) => getReceipt(app.database.db, request.params.paymentNo),
  );
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
      config: { access: { roles: COLLECTION_WRITERS, scope: paymentScope } },
    },
    async (request, reply) => {
      const { approval: proposal, replayed } = await proposePaymentReversal(
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
