import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertIdempotencyKey, selectIdempotencyKey } from './idempotency-keys.repository.ts';

/** A stable hash of a request: the same fields in any order hash the same. */
export function hashRequest(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Runs a command that moves money at most once per idempotency key (docs/RULES.md 8.5): the same key
 * with the same request returns the first answer without doing anything; the same key with a different
 * request is a conflict. Call it inside the command's transaction so the key and the work commit together.
 */
export async function withIdempotency<T>(
  trx: Kysely<Database>,
  scope: string,
  key: string | undefined,
  request: unknown,
  work: () => Promise<T>,
  recordedAt: string,
): Promise<{ result: T; replayed: boolean }> {
  if (!key) return { result: await work(), replayed: false };
  const requestHash = hashRequest(request);
  const known = await selectIdempotencyKey(trx, key);
  if (known) {
    if (known.scope !== scope || known.request_hash !== requestHash) {
      throw new AppError(
        ErrorCode.CONFLICT,
        'idempotencyKey: this key was already used for a different request',
        { field: 'idempotencyKey', detailCode: 'idempotency-key-reused' },
      );
    }
    return { result: JSON.parse(known.response_json) as T, replayed: true };
  }
  const result = await work();
  await insertIdempotencyKey(trx, {
    key,
    scope,
    request_hash: requestHash,
    response_json: JSON.stringify(result),
    recorded_at: recordedAt,
  });
  return { result, replayed: false };
}
