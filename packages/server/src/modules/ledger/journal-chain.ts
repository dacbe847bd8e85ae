import { createHash } from 'node:crypto';

/**
 * The hash chain over the journal (docs/RULES.md 8.8). Each fund's transactions,
 * in id order, form one chain: a transaction's hash covers its own content and the hash of the fund's
 * previous transaction, so editing, removing or reordering a posted row breaks every link after it.
 * Posting (ledger.repository.ts) and verifying (verify-journal-chain.ts) both hash through this one function.
 */

/** The previous hash of a fund's first transaction. */
export const GENESIS_HASH = '0'.repeat(64);

/** What is hashed of one transaction: the columns that carry its meaning, and its entries. */
export interface ChainedTransaction {
  fund: string;
  kind: string;
  eventKey: string;
  reversesId: number | null;
  businessDate: string;
  recordedAt: string;
  entries: readonly ChainedEntry[];
}

export interface ChainedEntry {
  fund: string;
  account: string;
  side: string;
  amountFen: number;
  regionCode: string;
}

/**
 * sha256 over the previous hash, a newline and the canonical JSON of the transaction: an array of its
 * fields in a fixed order, then its entries, each an array, sorted (so the order rows come back in does
 * not matter). Amounts are integers, so their JSON is exact.
 */
export function hashTransaction(previousHash: string, transaction: ChainedTransaction): string {
  const entries = transaction.entries
    .map((entry) => [entry.fund, entry.account, entry.side, entry.amountFen, entry.regionCode] as const)
    .sort(compareEntries);
  const canonical = JSON.stringify([
    transaction.fund,
    transaction.kind,
    transaction.eventKey,
    transaction.reversesId,
    transaction.businessDate,
    transaction.recordedAt,
    entries,
  ]);
  return createHash('sha256').update(previousHash).update('\n').update(canonical).digest('hex');
}

type EntryTuple = readonly [string, string, string, number, string];

/** A total order that does not depend on a collation: strings by code unit, amounts as numbers. */
function compareEntries(a: EntryTuple, b: EntryTuple): number {
  for (let index = 0; index < a.length; index += 1) {
    const left = a[index]!;
    const right = b[index]!;
    if (left < right) return -1;
    if (left > right) return 1;
  }
  return 0;
}
