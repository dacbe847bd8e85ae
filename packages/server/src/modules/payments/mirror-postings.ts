import { reversePosting, type BusinessDate, type Posting } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { selectPostedEvents } from '../ledger/index.ts';

/**
 * The mirror images of journal events already posted, read back from the journal itself (the ledger's)
 * so that every entry (ledger, account, amount, region) is taken back exactly as it was posted; each
 * points at the transaction it reverses (docs/RULES.md 8.3). Events missing from the journal are an
 * error: a reversal that could not mirror everything would leave the funds out of balance.
 */
export async function mirrorPostings(
  db: Kysely<Database>,
  eventKeys: readonly string[],
  context: { reversalNo: string; businessDate: BusinessDate },
): Promise<Posting[]> {
  const wanted = [...new Set(eventKeys)];
  const originals = await selectPostedEvents(db, wanted, context.businessDate);
  const found = new Set(originals.map((posting) => posting.eventKey));
  const missing = wanted.filter((key) => !found.has(key));
  if (missing.length > 0)
    throw new Error(`cannot reverse journal events that were never posted: ${missing.join(', ')}`);
  return originals.map((original) =>
    reversePosting(original, {
      eventKey: `reverse:${context.reversalNo}:${original.eventKey}`,
      businessDate: context.businessDate,
      regionCode: original.regionCode,
    }),
  );
}
