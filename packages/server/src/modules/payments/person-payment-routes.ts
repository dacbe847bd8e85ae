import { z } from 'zod';
import { AppError, ErrorCode } from '../../errors/index.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idempotencyHeaders } from '../../http/idempotency-key.ts';
import { idText } from '../../http/schemas.ts';
import { personScope } from '../../http/scopes.ts';
import { onlinePaymentBody, payOnline } from './online-payment.ts';
import { receipt } from './routes.ts';

/**
 * A flexible worker pays their own bills online, through payOnline (online-payment.ts), which employers'
 * users share. Only the person themself may call it: staff record payments with POST /api/payments.
 */
export const personPaymentRoutes: RoutePlugin = (server, app) => {
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
      config: {
        access: {
          roles: ['insured_person'],
          scope: (request) => personScope(app, (request.params as { personId: number }).personId),
        },
      },
    },
    async (request, reply) => {
      const person = await app.registration.getPerson(request.params.personId);
      // An employee's contributions are the employer's to pay: money paid here would only sit as credit.
      if (person.category !== 'flexible')
        throw new AppError(
          ErrorCode.RULE_VIOLATION,
          'personId: only a flexible worker pays their own contributions; an employer pays for its staff',
          { field: 'personId' },
        );
      return payOnline(app, request, reply, { payerKey: `P${person.id}`, amountFen: request.body.amountFen });
    },
  );
};
