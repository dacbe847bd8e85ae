import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ChainedTransaction } from './journal-chain.ts';
import { selectEntriesOfTransactions, selectTransactionPage } from './journal.repository.ts';

/** One stored journal transaction with its entries, as the chain hashes it, and its stored links. */
export interface StoredTransaction extends ChainedTransaction {
  id: number;
  prevHash: string | null;
  hash: string | null;
}

const PAGE_ROWS = 5_000;

/**
 * Every journal transaction with its entries, in id order (the order of each fund's chain), a page at a
 * time: a range of transactions by key, then their entries by the transaction index, so memory stays
 * bounded whatever the size of the journal. Used by verification and by the migration that backfilled
 * the chain.
 */
export async function* walkJournal(db: Kysely<Database>): AsyncGenerator<StoredTransaction> {
  let after = 0;
  for (;;) {
    const transactions = await selectTransactionPage(db, after, PAGE_ROWS);
    if (transactions.length === 0) return;
    const first = Number(transactions[0]!.id);
    const last = Number(transactions[transactions.length - 1]!.id);
    const entryRows = await selectEntriesOfTransactions(db, first, last);
    const entries = new Map<number, StoredTransaction['entries'][number][]>();
    for (const row of entryRows) {
      const id = Number(row.transaction_id);
      let list = entries.get(id);
      if (!list) entries.set(id, (list = []));
      list.push({
        fund: row.fund,
        account: row.account,
        side: row.side,
        amountFen: Number(row.amount_fen),
        regionCode: row.region_code,
      });
    }
    for (const row of transactions) {
      const id = Number(row.id);
      yield {
        id,
        fund: row.fund,
        kind: row.kind,
        eventKey: row.event_key,
        reversesId: row.reverses_id === null ? null : Number(row.reverses_id),
        businessDate: row.business_date,
        recordedAt: row.recorded_at,
        entries: entries.get(id) ?? [],
        prevHash: row.prev_hash,
        hash: row.hash,
      };
    }
    after = last;
  }
}
