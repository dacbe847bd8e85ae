import { createHash } from 'node:crypto';
import { hashRequest } from '../idempotency/index.ts';
import type { ClaimInput } from './claims.schemas.ts';

/*
 * The hash of a claim's request, as hashRequest makes it (the SHA-256 of the request's canonical JSON:
 * keys sorted, undefined left out), written out for the claim's known shape: real-time settlement hashes
 * every claim, and the generic walk (entries, sort, join at every level) cost about three times as much.
 * Anything outside the known shape (another key, an object where a value belongs) goes the generic way,
 * so the two never differ; claim-request-hash.test.ts holds them to it.
 */

/** The claim's keys in canonical (sorted) order. */
const CLAIM_KEYS = [
  'accountHolderIdNumber',
  'accountHolderRelation',
  'department',
  'diagnosis',
  'dischargeDate',
  'idNumber',
  'institutionId',
  'items',
  'kind',
  'useAccount',
  'visitDate',
] as const;
const ITEM_KEYS = ['amountFen', 'code', 'itemClass', 'name', 'quantity', 'selfPaySharePpm'] as const;
const CLAIM_KEY_SET = new Set<string>(CLAIM_KEYS);
const ITEM_KEY_SET = new Set<string>(ITEM_KEYS);

export function claimRequestHash(input: ClaimInput): string {
  const json = canonicalClaim(input);
  return json === null ? hashRequest(input) : createHash('sha256').update(json).digest('hex');
}

/** A primitive as JSON, or null for anything canonicalJson would walk into. */
function primitive(value: unknown): string | null {
  return value !== null && typeof value === 'object' ? null : (JSON.stringify(value) as string);
}

function canonicalObject(
  value: Record<string, unknown>,
  keys: readonly string[],
  known: ReadonlySet<string>,
  nested?: (key: string, value: unknown) => string | null,
): string | null {
  if (Object.getPrototypeOf(value) !== Object.prototype) return null;
  for (const key of Object.keys(value)) if (!known.has(key)) return null;
  let json = '{';
  for (const key of keys) {
    const item = value[key];
    if (item === undefined) continue;
    const text = nested?.(key, item) ?? primitive(item);
    if (text === null) return null;
    json += `${json.length > 1 ? ',' : ''}"${key}":${text}`;
  }
  return `${json}}`;
}

function canonicalClaim(input: ClaimInput): string | null {
  return canonicalObject(
    input as unknown as Record<string, unknown>,
    CLAIM_KEYS,
    CLAIM_KEY_SET,
    (key, value) => {
      if (key !== 'items') return null;
      if (!Array.isArray(value)) return null;
      let json = '[';
      for (const item of value as unknown[]) {
        if (item === null || typeof item !== 'object' || Array.isArray(item)) return null;
        const text = canonicalObject(item as Record<string, unknown>, ITEM_KEYS, ITEM_KEY_SET);
        if (text === null) return null;
        json += `${json.length > 1 ? ',' : ''}${text}`;
      }
      return `${json}]`;
    },
  );
}
