import { chinaDateOf } from '@shebao/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app/index.ts';
import { idempotencyKeyOf, idempotencyScope } from '../../http/idempotency-key.ts';
import { recordPayment, type Receipt } from './record-payments.ts';

/**
 * A payer pays its own bills online (a flexible worker, an employer's user). There is no bank gateway:
 * the money is taken as received today (China time) and goes through the same payment service as a bank
 * or counter payment, so allocation (oldest bills first), late fees, personal-account credits and ledger
 * postings are the same. The request's Idempotency-Key makes a repeat return the first receipt (200) and
 * record nothing; the first answer is 201.
 */
export async function payOnline(
  app: App,
  request: FastifyRequest,
  reply: FastifyReply,
  payment: { payerKey: string; amountFen: number },
): Promise<Receipt> {
  const { receipt, replayed } = await recordPayment(
    { db: app.database.db, clock: app.clock, policy: app.policy },
    {
      payerKey: payment.payerKey,
      amountFen: payment.amountFen,
      paidOn: chinaDateOf(app.clock.now()),
      bankReference: null,
      channel: 'api',
    },
    `${idempotencyScope(request)}:${idempotencyKeyOf(request)}`,
  );
  if (replayed) reply.header('idempotency-replayed', 'true');
  reply.status(replayed ? 200 : 201);
  return receipt;
}
