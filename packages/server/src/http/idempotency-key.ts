import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/index.ts';
import { withIdempotency } from '../modules/idempotency/index.ts';

/** The `Idempotency-Key` header on requests that move money (IETF draft-ietf-httpapi-idempotency-key-header). */
export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8, 'must be at least 8 characters (a UUID is a good key)')
    .max(200, 'must be at most 200 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
});

export function idempotencyKeyOf(request: FastifyRequest): string {
  return (request.headers as Record<string, string>)['idempotency-key']!;
}

/** The key when the request gives one: a proposal may be made without, and then it is not replayed. */
export function optionalIdempotencyKeyOf(request: FastifyRequest): string | undefined {
  return request.headers['idempotency-key'] === undefined ? undefined : idempotencyKeyOf(request);
}

/**
 * Answers a proposal stored once per key (approvals' `proposeOnce`): 201 when it was made now, 200 with
 * `Idempotency-Replayed: true` when the same key made it before.
 */
export function replyProposed<T>(reply: FastifyReply, outcome: { replayed: boolean }, body: T): T {
  reply.status(outcome.replayed ? 200 : 201);
  if (outcome.replayed) reply.header('idempotency-replayed', 'true');
  return body;
}

/** Scopes a key to the route and the caller, so one client's key never replays another's answer. */
export function idempotencyScope(request: FastifyRequest): string {
  return `http ${request.routeOptions.url} by ${request.principal?.userId ?? 'anonymous'}`;
}

/**
 * Runs a money-moving command at most once per `Idempotency-Key`: a replay with the same body returns the
 * first answer (status and body) and marks it with `Idempotency-Replayed: true`; the same key with a
 * different body is a 409. The key is stored when the command returns; commands that take a key inside
 * their own transaction (payments) pass it there instead, so key and work commit together.
 */
export async function replyIdempotently<T>(
  db: Kysely<Database>,
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  work: () => Promise<T>,
  at: string,
): Promise<T> {
  const { result, replayed } = await withIdempotency(
    db,
    idempotencyScope(request),
    idempotencyKeyOf(request),
    { params: request.params, query: request.query, body: request.body },
    async () => ({ status, body: await work() }),
    at,
  );
  if (replayed) reply.header('idempotency-replayed', 'true');
  reply.status(result.status);
  return result.body;
}
