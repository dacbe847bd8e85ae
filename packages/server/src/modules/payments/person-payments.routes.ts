import { chinaDateOf } from '@shebao/domain';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idempotencyHeaders } from '../../http/idempotency-key.ts';
import { idText } from '../../http/shared.schemas.ts';
import { personInParams } from '../../http/scopes.ts';
import { accessTo } from '../../http/access-rules.ts';
import { quotePayment } from './quote-payment.ts';
import { payOnline } from './online-payment.ts';
import { onlinePaymentBody, paymentQuote, receipt } from './payments.schemas.ts';

/**
 * A flexible worker pays their own bills online, through payOnline (online-payment.ts), which employers'
 * users share. Only the person themself may call it: staff record payments with POST /api/payments.
 */
export const personPaymentRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/persons/:personId/payment-quote',
    {
      schema: {
        tags: ['payments'],
        summary: 'What a flexible worker pays today to clear every open bill, late fees to today included',
        description:
          'The late fee runs to the day of payment, so the sum of the open bills is not enough for overdue ' +
          'ones: this quotes the amount for today (`asOf`). Paying exactly `amountFen` today with ' +
          'POST /api/persons/{personId}/payments leaves nothing open and no credit.',
        params: z.strictObject({ personId: idText }),
        response: { 200: paymentQuote },
      },
      config: {
        access: accessTo('payments', 'quote', personInParams(app)),
        personalData: { what: 'payment quote (open bills and late fees)', persons: 'scope' },
      },
    },
    async (request) => {
      const person = await app.registration.getPerson(request.params.personId);
      if (person.category !== 'flexible')
        throw new AppError(
          ErrorCode.RULE_VIOLATION,
          'personId: only a flexible worker pays their own contributions; an employer pays for its staff',
          { field: 'personId' },
        );
      return quotePayment(
        { db: app.database.db, clock: app.clock, policy: app.policy },
        { payerKey: `P${person.id}`, paidOn: chinaDateOf(app.clock.now()) },
      );
    },
  );
  server.post(
    '/api/persons/:personId/payments',
    {
      schema: {
        tags: ['payments'],
        summary: "A flexible worker pays their own open bills online; the answer is the payment's receipt",
        description:
          'Any amount: oldest bills first, late fees billed and paid from it when it suffices, the rest kept ' +
          'as credit for the next bills. Requires an Idempotency-Key: a repeat returns the first receipt; ' +
          'the key with another body is a 409.',
        headers: idempotencyHeaders,
        params: z.strictObject({ personId: idText }),
        body: onlinePaymentBody(100_000_000, '1,000,000 yuan'),
        response: { 201: receipt, 200: receipt },
      },
      config: { access: accessTo('payments', 'pay-as-person', personInParams(app)) },
    },
    async (request, reply) => {
      const person = await app.registration.getPerson(request.params.personId);
      // An employee's contributions are the employer's to pay: money paid here would only sit as credit.
      if (person.category !== 'flexible')
        throw new AppError(
          ErrorCode.RULE_VIOLATION,
          'personId: only a flexible worker pays their own contributions; an employer pays for its staff',
          { field: 'personId', detailCode: 'only-flexible-pays' },
        );
      return payOnline(app, request, reply, { payerKey: `P${person.id}`, amountFen: request.body.amountFen });
    },
  );
};
