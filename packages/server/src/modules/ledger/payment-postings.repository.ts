import type { Ledger, Posting } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/**
 * What a payment reversal reads back from the journal (asked through the ledger's index.ts): which of a
 * payment's possible events were posted, and the postings of events as they were posted, so that their
 * mirror images take back exactly what was booked (docs/RULES.md 8.3).
 */

type Db = Kysely<Database>;

/** The event keys among `candidates` posted in one fund, in the order they were posted. */
export async function selectPostedEventKeys(
  db: Db,
  candidates: readonly string[],
  fund: Ledger,
): Promise<string[]> {
  const rows = await db
    .selectFrom('journal_transactions')
    .select('event_key')
    .where('event_key', 'in', [...candidates])
    .where('fund', '=', fund)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.event_key);
}

/**
 * The postings of these journal events as they were posted (every entry with its ledger, account, amount
 * and region), in journal order, each dated `businessDate`; events never posted are absent.
 */
export async function selectPostedEvents(
  db: Db,
  eventKeys: readonly string[],
  businessDate: string,
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
  const postings = new Map<number, Posting>();
  for (const row of rows) {
    const posting = postings.get(row.id) ?? {
      ledger: row.fund as Ledger,
      kind: row.kind as Posting['kind'],
      eventKey: row.event_key,
      businessDate,
      regionCode: row.region_code,
      entries: [],
    };
    posting.entries.push({
      account: row.account,
      side: row.side as 'debit' | 'credit',
      amountFen: Number(row.amount_fen),
    });
    postings.set(row.id, posting);
  }
  return [...postings.values()];
}
