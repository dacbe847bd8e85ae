import { checkPostingBalanced, type Posting } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database, LedgerFund } from '../../db/schema.ts';
import { dialectOf } from '../../db/dialect-of.ts';
import { bulkInsert, bulkInsertReturningIds } from '../../db/bulk-insert.ts';
import { hashTransaction } from './journal-chain.ts';

type Db = Kysely<Database>;
const CHUNK_ROWS = 2_000;

/** A journal transaction's columns and an entry's, as written here and read back by walk-journal.ts. */
export const TRANSACTION_COLUMNS = [
  'fund',
  'kind',
  'event_key',
  'reverses_id',
  'business_date',
  'recorded_at',
  'prev_hash',
  'hash',
] as const;
const TRANSACTION_TYPES = ['text', 'text', 'text', 'bigint', 'text', 'text', 'text', 'text'] as const;
export const ENTRY_COLUMNS = [
  'transaction_id',
  'fund',
  'account',
  'side',
  'amount_fen',
  'region_code',
] as const;
const ENTRY_TYPES = ['bigint', 'text', 'text', 'text', 'bigint', 'text'] as const;

/**
 * Writes balanced postings: their transactions, then their entries, with bulk inserts (a month's
 * assessment posts hundreds of thousands). The caller's database transaction makes a business event's
 * postings land together or not at all.
 *
 * This is the one place transactions are posted, so it also extends each fund's hash chain
 * (journal-chain.ts): it locks the chain heads, hashes the postings in the order they get their ids, and
 * moves the heads on. Hashing is in memory, one sha256 per transaction; the database sees the same bulk
 * inserts plus one update per fund touched.
 */
export async function insertPostings(db: Db, postings: Posting[], recordedAt: string): Promise<void> {
  if (postings.length === 0) return;
  // The heads' row locks must last until the postings commit; outside a transaction they would not.
  if (!db.isTransaction) {
    return db.transaction().execute((trx) => insertPostings(trx, postings, recordedAt));
  }
  for (const posting of postings) {
    const problem = checkPostingBalanced(posting);
    if (problem) throw new Error(`refusing an unbalanced posting: ${problem}`);
  }
  const heads = await lockChainHeads(db);
  const moved = new Set<string>();
  for (let start = 0; start < postings.length; start += CHUNK_ROWS) {
    const chunk = postings.slice(start, start + CHUNK_ROWS);
    const reversed = await resolveReversedIds(db, chunk);
    const rows = chunk.map((posting) => {
      const reversesId = posting.reversesEventKey
        ? (reversed.get(`${posting.ledger}|${posting.reversesEventKey}`) ?? null)
        : null;
      const head = headOf(heads, posting.ledger);
      const hash = hashTransaction(head.hash, {
        fund: posting.ledger,
        kind: posting.kind,
        eventKey: posting.eventKey,
        reversesId,
        businessDate: posting.businessDate,
        recordedAt,
        entries: posting.entries.map((entry) => ({
          fund: posting.ledger,
          account: entry.account,
          side: entry.side,
          amountFen: entry.amountFen,
          regionCode: posting.regionCode,
        })),
      });
      const row = [
        posting.ledger,
        posting.kind,
        posting.eventKey,
        reversesId,
        posting.businessDate,
        recordedAt,
        head.hash,
        hash,
      ];
      head.hash = hash;
      return row;
    });
    const ids = await bulkInsertReturningIds(
      db,
      'journal_transactions',
      TRANSACTION_COLUMNS,
      TRANSACTION_TYPES,
      rows,
    );
    const entries: (string | number)[][] = [];
    chunk.forEach((posting, index) => {
      // Ids ascend in the order of the rows, so the last posting of a fund is its new head.
      const head = headOf(heads, posting.ledger);
      head.transactionId = ids[index]!;
      moved.add(posting.ledger);
      for (const entry of posting.entries) {
        entries.push([
          ids[index]!,
          posting.ledger,
          entry.account,
          entry.side,
          entry.amountFen,
          posting.regionCode,
        ]);
      }
    });
    await bulkInsert(db, 'journal_entries', ENTRY_COLUMNS, ENTRY_TYPES, entries);
  }
  for (const fund of moved) {
    const head = headOf(heads, fund);
    await db
      .updateTable('journal_chain_heads')
      .set({ head_hash: head.hash, head_transaction_id: head.transactionId })
      .where('fund', '=', fund as LedgerFund)
      .execute();
  }
}

interface ChainHead {
  hash: string;
  transactionId: number | null;
}

/**
 * Every fund's chain head, locked until the caller's transaction ends: two postings to one fund must
 * not both extend the same head (the chain would fork). All heads, always in fund order, so that two
 * transactions can never hold some and wait for the others (no deadlock), however many times each
 * posts. SQLite has one writer at a time and needs no lock.
 */
async function lockChainHeads(db: Db): Promise<Map<string, ChainHead>> {
  const query = db
    .selectFrom('journal_chain_heads')
    .select(['fund', 'head_hash', 'head_transaction_id'])
    .orderBy('fund');
  const rows = dialectOf(db) === 'postgres' ? await query.forUpdate().execute() : await query.execute();
  return new Map(
    rows.map((row) => [
      row.fund,
      {
        hash: row.head_hash,
        transactionId: row.head_transaction_id === null ? null : Number(row.head_transaction_id),
      },
    ]),
  );
}

function headOf(heads: Map<string, ChainHead>, fund: string): ChainHead {
  const head = heads.get(fund);
  if (!head) throw new Error(`the journal has no chain head for the fund ${fund}`);
  return head;
}

async function resolveReversedIds(db: Db, postings: Posting[]): Promise<Map<string, number>> {
  const keys = postings.flatMap((posting) => (posting.reversesEventKey ? [posting.reversesEventKey] : []));
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('journal_transactions')
    .select(['id', 'fund', 'event_key'])
    .where('event_key', 'in', keys)
    .execute();
  return new Map(rows.map((row) => [`${row.fund}|${row.event_key}`, row.id]));
}

export interface AccountBalance {
  fund: string;
  account: string;
  debitFen: number;
  creditFen: number;
}

export async function selectAccountBalances(db: Db): Promise<AccountBalance[]> {
  const rows = await db
    .selectFrom('journal_entries')
    .select((eb) => [
      'fund',
      'account',
      eb.fn
        .sum<number | string>(eb.case().when('side', '=', 'debit').then(eb.ref('amount_fen')).else(0).end())
        .as('debit'),
      eb.fn
        .sum<number | string>(eb.case().when('side', '=', 'credit').then(eb.ref('amount_fen')).else(0).end())
        .as('credit'),
    ])
    .groupBy(['fund', 'account'])
    .orderBy('fund')
    .orderBy('account')
    .execute();
  return rows.map((row) => ({
    fund: row.fund,
    account: row.account,
    debitFen: Number(row.debit ?? 0),
    creditFen: Number(row.credit ?? 0),
  }));
}
