import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashRequest } from '../idempotency/index.ts';
import { claimRequestHash } from './claim-request-hash.ts';
import type { ClaimInput } from './claims.schemas.ts';

const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const item = fc.record(
  {
    code: text,
    name: text,
    itemClass: fc.constantFrom('full' as const, 'part' as const, 'none' as const),
    quantity: fc.integer({ min: 1, max: 100 }),
    amountFen: fc.integer({ min: 0, max: 10_000_000 }),
    selfPaySharePpm: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
  },
  { requiredKeys: ['code', 'name', 'itemClass', 'quantity', 'amountFen'] },
);
const claim = fc.record(
  {
    institutionId: fc.integer({ min: 1, max: 10_000 }),
    idNumber: text,
    kind: fc.constantFrom(
      'outpatient' as const,
      'inpatient' as const,
      'pharmacy' as const,
      'chronic' as const,
    ),
    visitDate: text,
    dischargeDate: fc.option(text, { nil: undefined }),
    department: text,
    diagnosis: text,
    items: fc.array(item, { minLength: 1, maxLength: 4 }),
    useAccount: fc.boolean(),
    accountHolderIdNumber: text,
    accountHolderRelation: fc.constantFrom('spouse' as const, 'parent' as const, 'child' as const),
  },
  { requiredKeys: ['institutionId', 'idNumber', 'kind', 'visitDate', 'items', 'useAccount'] },
);

describe('the hash of a claim request', () => {
  it('is the generic request hash, for any claim', () => {
    fc.assert(
      fc.property(claim, (input) => {
        expect(claimRequestHash(input as ClaimInput)).toBe(hashRequest(input));
      }),
      { numRuns: 500 },
    );
  });

  it('is the generic request hash for what lies outside the claim’s shape too', () => {
    fc.assert(
      fc.property(
        claim,
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }),
        fc.jsonValue({ maxDepth: 2 }),
        (input, extra, odd) => {
          const variants: unknown[] = [
            { ...input, ...extra },
            { ...input, items: input.items.map((entry) => ({ ...entry, ...extra })) },
            { ...input, department: odd },
            { ...input, items: [...input.items, odd] },
            { ...input, items: odd },
          ];
          for (const variant of variants)
            expect(claimRequestHash(variant as ClaimInput)).toBe(hashRequest(variant));
        },
      ),
      { numRuns: 300 },
    );
  });
});
