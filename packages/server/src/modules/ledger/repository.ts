import { checkPostingBalanced, type Posting } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

type Db = Kysely<Database>;
const CHUNK_ROWS = 400;

/**
 * Writes balanced postings: their transactions, then their entries, in multi-row inserts. The caller's
 * database transaction makes a business event's postings land together or not at all.
 */
export async function insertPostings(db: Db, postings: Posting[], recordedAt: string): Promise<void> {
  for (let start = 0; start < postings.length; start += CHUNK_ROWS) {
    const chunk = postings.slice(start, start + CHUNK_ROWS);
    for (const posting of chunk) {
      const problem = checkPostingBalanced(posting);
      if (problem) throw new Error(`refusing an unbalanced posting: ${problem}`);
    }
    const reversed = await resolveReversedIds(db, chunk);
    const ids = await db
      .insertInto('journal_transactions')
      .values(
        chunk.map((posting) => ({
          fund: posting.ledger,
          kind: posting.kind,
          event_key: posting.eventKey,
          reverses_id: posting.reversesEventKey
            ? (reversed.get(`${posting.ledger}|${posting.reversesEventKey}`) ?? null)
            : null,
          business_date: posting.businessDate,
          recorded_at: recordedAt,
        })),
      )
      .returning('id')
      .execute();
    const entries = chunk.flatMap((posting, index) =>
      posting.entries.map((entry) => ({
        transaction_id: ids[index]!.id,
        fund: posting.ledger,
        account: entry.account,
        side: entry.side,
        amount_fen: entry.amountFen,
        region_code: posting.regionCode,
      })),
    );
    for (let at = 0; at < entries.length; at += CHUNK_ROWS) {
      await db
        .insertInto('journal_entries')
        .values(entries.slice(at, at + CHUNK_ROWS))
        .execute();
    }
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
