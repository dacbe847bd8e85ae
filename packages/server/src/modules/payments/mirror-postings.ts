import { reversePosting, type BusinessDate, type Ledger, type Posting } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/**
 * The mirror images of journal events already posted, read back from the journal itself so that every
 * entry (ledger, account, amount, region) is taken back exactly as it was posted; each points at the
 * transaction it reverses (docs/RULES.md 8.3). Events missing from the journal are an error: a
 * reversal that could not mirror everything would leave the funds out of balance.
 */
export async function mirrorPostings(
  db: Kysely<Database>,
  eventKeys: readonly string[],
  context: { reversalNo: string; businessDate: BusinessDate },
): Promise<Posting[]> {
  const wanted = [...new Set(eventKeys)];
  const rows = [];
  for (let start = 0; start < wanted.length; start += 500) {
    rows.push(
      ...(await db
        .selectFrom('journal_transactions as t')
        .innerJoin('journal_entries as e', 'e.transaction_id', 't.id')
        .select([
          't.id',
          't.fund',
          't.kind',
          't.event_key',
          'e.account',
          'e.side',
          'e.amount_fen',
          'e.region_code',
        ])
        .where('t.event_key', 'in', wanted.slice(start, start + 500))
        .orderBy('t.id')
        .orderBy('e.id')
        .execute()),
    );
  }
  const originals = new Map<number, Posting>();
  for (const row of rows) {
    const posting = originals.get(row.id) ?? {
      ledger: row.fund as Ledger,
      kind: row.kind as Posting['kind'],
      eventKey: row.event_key,
      businessDate: context.businessDate,
      regionCode: row.region_code,
      entries: [],
    };
    posting.entries.push({
      account: row.account,
      side: row.side as 'debit' | 'credit',
      amountFen: Number(row.amount_fen),
    });
    originals.set(row.id, posting);
  }
  const found = new Set([...originals.values()].map((posting) => posting.eventKey));
  const missing = wanted.filter((key) => !found.has(key));
  if (missing.length > 0)
    throw new Error(`cannot reverse journal events that were never posted: ${missing.join(', ')}`);
  return [...originals.values()].map((original) =>
    reversePosting(original, {
      eventKey: `reverse:${context.reversalNo}:${original.eventKey}`,
      businessDate: context.businessDate,
      regionCode: original.regionCode,
    }),
  );
}
