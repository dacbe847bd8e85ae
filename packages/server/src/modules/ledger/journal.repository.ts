import { FUNDS, type Period } from '@shebao/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ENTRY_COLUMNS, TRANSACTION_COLUMNS } from './ledger.repository.ts';

/**
 * The journal's reads: its pages in id order (walk-journal.ts), the funds' chain heads (anchors and the
 * chain's verification), and the month-by-month income the fund dashboard charts.
 */

type Db = Kysely<Database>;

/** Every fund's chain head now, in fund order. */
export function selectChainHeads(db: Db) {
  return db
    .selectFrom('journal_chain_heads')
    .select(['fund', 'head_transaction_id', 'head_hash'])
    .orderBy('fund')
    .execute();
}

/** Up to `limit` transactions after the id `after`, in id order: a range by key. */
export function selectTransactionPage(db: Db, after: number, limit: number) {
  return db
    .selectFrom('journal_transactions')
    .select(['id', ...TRANSACTION_COLUMNS])
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The entries of the transactions with ids first..last, by the transaction index. */
export function selectEntriesOfTransactions(db: Db, first: number, last: number) {
  return db
    .selectFrom('journal_entries')
    .select(ENTRY_COLUMNS)
    .where('transaction_id', '>=', first)
    .where('transaction_id', '<=', last)
    .execute();
}

/**
 * Per month and fund with any movement from `from` to `to` (business dates): what reached the fund's bank
 * account, and what was billed to it. One grouped query over the journal; the collection clearing ledger is
 * not a fund and is left out. Moving billed income to personal accounts and crediting interest are not
 * income, so only assessment and late-fee postings count as billed.
 */
export async function selectIncomeByMonth(
  db: Db,
  from: Period,
  to: Period,
): Promise<{ period: string; fund: string; receivedFen: number; billedFen: number }[]> {
  const month = sql<string>`substr(t.business_date, 1, 7)`;
  const signed = (positiveSide: 'debit' | 'credit') =>
    sql<number>`case when e.side = ${positiveSide} then e.amount_fen else -e.amount_fen end`;
  const rows = await db
    .selectFrom('journal_entries as e')
    .innerJoin('journal_transactions as t', 't.id', 'e.transaction_id')
    .select((eb) => [
      month.as('period'),
      'e.fund',
      eb.fn
        .sum<number | string>(sql`case when e.account = 'bank' then ${signed('debit')} else 0 end`)
        .as('received'),
      eb.fn
        .sum<number | string>(
          sql`case when e.account in ('contribution_income', 'late_fee_income') and t.kind in ('assessment', 'late_fee') then ${signed('credit')} else 0 end`,
        )
        .as('billed'),
    ])
    .where('e.fund', 'in', [...FUNDS])
    .where('e.account', 'in', ['bank', 'contribution_income', 'late_fee_income'])
    .where('t.business_date', '>=', `${from}-01`)
    .where('t.business_date', '<=', `${to}-31`)
    .groupBy([month, 'e.fund'])
    .execute();
  return rows.map((row) => ({
    period: row.period,
    fund: row.fund,
    receivedFen: Number(row.received ?? 0),
    billedFen: Number(row.billed ?? 0),
  }));
}
