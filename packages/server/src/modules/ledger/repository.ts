import { checkPostingBalanced, type Posting } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { bulkInsert, bulkInsertReturningIds } from '../../db/bulk-insert.ts';

type Db = Kysely<Database>;
const CHUNK_ROWS = 2_000;

const TRANSACTION_COLUMNS = ['fund', 'kind', 'event_key', 'reverses_id', 'business_date', 'recorded_at'];
const TRANSACTION_TYPES = ['text', 'text', 'text', 'bigint', 'text', 'text'] as const;
const ENTRY_COLUMNS = ['transaction_id', 'fund', 'account', 'side', 'amount_fen', 'region_code'];
const ENTRY_TYPES = ['bigint', 'text', 'text', 'text', 'bigint', 'text'] as const;

/**
 * Writes balanced postings: their transactions, then their entries, with bulk inserts (a month's
 * assessment posts hundreds of thousands). The caller's database transaction makes a business event's
 * postings land together or not at all.
 */
export async function insertPostings(db: Db, postings: Posting[], recordedAt: string): Promise<void> {
  for (let start = 0; start < postings.length; start += CHUNK_ROWS) {
    const chunk = postings.slice(start, start + CHUNK_ROWS);
    for (const posting of chunk) {
      const problem = checkPostingBalanced(posting);
      if (problem) throw new Error(`refusing an unbalanced posting: ${problem}`);
    }
    const reversed = await resolveReversedIds(db, chunk);
    const ids = await bulkInsertReturningIds(
      db,
      'journal_transactions',
      TRANSACTION_COLUMNS,
      TRANSACTION_TYPES,
      chunk.map((posting) => [
        posting.ledger,
        posting.kind,
        posting.eventKey,
        posting.reversesEventKey
          ? (reversed.get(`${posting.ledger}|${posting.reversesEventKey}`) ?? null)
          : null,
        posting.businessDate,
        recordedAt,
      ]),
    );
    const entries: (string | number)[][] = [];
    chunk.forEach((posting, index) => {
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
