import { sql, type Kysely } from 'kysely';
import { GENESIS_HASH, hashTransaction } from '../../modules/ledger/journal-chain.ts';
import { walkJournal } from '../../modules/ledger/walk-journal.ts';
import { dialectOf } from '../dialect-of.ts';
import type { Database } from '../schema.ts';
import { forbidChanges } from './append-only.ts';
import { idRefType } from './column-types.ts';

const FUNDS = ['collection', 'medical', 'pension', 'unemployment', 'work_injury'] as const;
const UPDATE_ROWS = 1_000;

/**
 * The tamper-evident journal (issue 13; docs/RULES.md 8.8): every journal
 * transaction gets `prev_hash` and `hash`, each fund's chain head is kept in `journal_chain_heads` (the
 * row that posting locks), and the transactions already posted are chained in id order. The backfill is
 * the one update the append-only trigger ever lets through: it is lifted for this migration only, inside
 * its transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('journal_transactions').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('journal_transactions').addColumn('hash', 'text').execute();
  await db.schema
    .createTable('journal_chain_heads')
    .addColumn('fund', 'text', (col) => col.primaryKey())
    .addColumn('head_transaction_id', idRefType(db), (col) => col.references('journal_transactions.id'))
    .addColumn('head_hash', 'text', (col) => col.notNull())
    .execute();

  const typed = db as unknown as Kysely<Database>;
  const heads = new Map<string, { hash: string; transactionId: number | null }>(
    FUNDS.map((fund) => [fund, { hash: GENESIS_HASH, transactionId: null }]),
  );
  await withUpdatesAllowed(db, async () => {
    let batch: [number, string, string][] = [];
    for await (const transaction of walkJournal(typed)) {
      const head = heads.get(transaction.fund);
      if (!head) throw new Error(`journal transaction ${transaction.id}: unknown fund ${transaction.fund}`);
      const hash = hashTransaction(head.hash, transaction);
      batch.push([transaction.id, head.hash, hash]);
      head.hash = hash;
      head.transactionId = transaction.id;
      if (batch.length >= UPDATE_ROWS) {
        await writeLinks(db, batch);
        batch = [];
      }
    }
    await writeLinks(db, batch);
  });
  await typed
    .insertInto('journal_chain_heads')
    .values(
      FUNDS.map((fund) => ({
        fund,
        head_hash: heads.get(fund)!.hash,
        head_transaction_id: heads.get(fund)!.transactionId,
      })),
    )
    .execute();
}

/** Lifts the append-only trigger on journal_transactions around `work`, and puts it back. */
async function withUpdatesAllowed(db: Kysely<unknown>, work: () => Promise<void>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`alter table journal_transactions disable trigger journal_transactions_append_only`.execute(db);
    await work();
    await sql`alter table journal_transactions enable trigger journal_transactions_append_only`.execute(db);
    return;
  }
  await sql`drop trigger journal_transactions_no_update`.execute(db);
  await sql`drop trigger journal_transactions_no_delete`.execute(db);
  await work();
  await forbidChanges(db, ['journal_transactions']);
}

/** One statement per batch of rows: an update joined to a list of (id, prev_hash, hash). */
async function writeLinks(db: Kysely<unknown>, rows: [number, string, string][]): Promise<void> {
  if (rows.length === 0) return;
  if (dialectOf(db) === 'postgres') {
    await sql`update journal_transactions t set prev_hash = v.prev_hash, hash = v.hash
      from unnest(${rows.map((row) => row[0])}::bigint[], ${rows.map((row) => row[1])}::text[],
                  ${rows.map((row) => row[2])}::text[]) as v(id, prev_hash, hash)
      where t.id = v.id`.execute(db);
    return;
  }
  await sql`update journal_transactions set prev_hash = v.column2, hash = v.column3
    from (values ${sql.join(rows.map((row) => sql`(${row[0]}, ${row[1]}, ${row[2]})`))}) as v
    where journal_transactions.id = v.column1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('journal_chain_heads').execute();
  await db.schema.alterTable('journal_transactions').dropColumn('hash').execute();
  await db.schema.alterTable('journal_transactions').dropColumn('prev_hash').execute();
}
