import { z } from 'zod';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idempotencyHeaders } from '../../http/idempotency-key.ts';
import { idText } from '../../http/shared.schemas.ts';
import { accessTo } from '../../http/access-rules.ts';
import { employerInParams } from '../../http/scopes.ts';
import { payOnline } from './online-payment.ts';
import { onlinePaymentBody, receipt } from './payments.schemas.ts';

/**
 * An employer's user pays the employer's bills online, exactly as a flexible worker pays theirs
 * (payOnline, online-payment.ts): taken as received today, oldest bills first, late fees billed and paid
 * from it. The web app offers the amount due on the day (GET /api/employers/{id}/summary, quotePayment),
 * which clears every bill. Staff record bank and counter payments with POST /api/payments instead.
 */
export const employerPaymentRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/employers/:employerId/payments',
    {
      schema: {
        tags: ['payments'],
        summary: "An employer's user pays the employer's open bills online; the answer is the receipt",
        description:
          'Any amount: oldest bills first, late fees billed and paid from it when it suffices, the rest kept ' +
          'as credit for the next bills; the amount due on the day is `dueTodayFen` of the summary. Requires ' +
          'an Idempotency-Key: a repeat returns the first receipt; the key with another body is a 409.',
        headers: idempotencyHeaders,
        params: z.strictObject({ employerId: idText }),
        body: onlinePaymentBody(100_000_000_000, '1,000,000,000 yuan'),
        response: { 201: receipt, 200: receipt },
      },
      config: { access: accessTo('payments', 'pay-as-employer', employerInParams(app)) },
    },
    async (request, reply) => {
      // The employer must exist (a 404 naming the field otherwise), as for every employer route.
      const employer = await app.registration.getEmployer(request.params.employerId);
      return payOnline(app, request, reply, {
        payerKey: `E${employer.id}`,
        amountFen: request.body.amountFen,
      });
    },
  );
};
