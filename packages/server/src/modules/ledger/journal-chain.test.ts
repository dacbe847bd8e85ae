import { postAssessment } from '@shebao/domain';
import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { fixedClock } from '../../app/clock.ts';
import { dialectOf, migrateToLatest, migrations, type Database } from '../../db/index.ts';
import { forbidChanges } from '../../db/migrations/append-only.ts';
import { insertCollectionFixture } from '../../testing/collection-fixture.ts';
import { describeEachDatabase } from '../../testing/index.ts';
import { runCollection } from '../../workflows/index.ts';
import { recordPayments } from '../payments/index.ts';
import { createPolicyService } from '../policy/index.ts';
import { GENESIS_HASH, hashTransaction } from './journal-chain.ts';
import { readJournalAnchor } from './journal-anchor.ts';
import { insertPostings, verifyLedger } from './index.ts';
import { verifyJournalChain } from './verify-journal-chain.ts';
import { walkJournal, type StoredTransaction } from './walk-journal.ts';

const clock = fixedClock('2025-08-10T02:00:00.000Z');
const deps = (db: Kysely<Database>) => ({ db, clock, policy: createPolicyService(db, clock) });

/**
 * Runs `work` with a journal table's append-only trigger lifted, as someone with the database's owner
 * rights could, and puts the trigger back.
 */
async function behindTheTriggers(
  db: Kysely<Database>,
  table: 'journal_entries' | 'journal_transactions',
  work: () => Promise<void>,
): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`alter table ${sql.table(table)} disable trigger ${sql.id(`${table}_append_only`)}`.execute(db);
    await work();
    await sql`alter table ${sql.table(table)} enable trigger ${sql.id(`${table}_append_only`)}`.execute(db);
    return;
  }
  await sql`drop trigger ${sql.id(`${table}_no_update`)}`.execute(db);
  await sql`drop trigger ${sql.id(`${table}_no_delete`)}`.execute(db);
  await work();
  await forbidChanges(db as Kysely<unknown>, [table]);
}

const chainChecks = (report: { checks: { code: string; ok: boolean }[] }) =>
  report.checks.filter((check) => check.code === 'journal-chain-intact');

describeEachDatabase('the tamper-evident journal', (getDb) => {
  it('chains every fund as collection and payments post, and verifies', async () => {
    const db = getDb();
    const { employerIds } = await insertCollectionFixture(db, {
      regionCode: '110000',
      cycleStart: '2025-07',
      employers: [
        { employees: [{ wageFen: 2_000_000 }, { wageFen: 1_000_000 }] },
        { employees: [{ wageFen: 800_000 }] },
      ],
    });
    await runCollection(deps(db), { regionCode: '110000', period: '2025-07' });
    const bills = await db.selectFrom('bills').select(['payer_key', 'total_fen']).execute();
    await recordPayments(
      deps(db),
      bills.map((bill, index) => ({
        payerKey: bill.payer_key,
        amountFen: bill.total_fen,
        paidOn: '2025-08-10',
        bankReference: `CHAIN-${index}`,
        channel: 'cli' as const,
      })),
    );
    expect(employerIds).toHaveLength(2);
    const report = await verifyLedger(db);
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(report.brokenLinks).toEqual([]);
    expect(chainChecks(report).map((check) => (check as { fund?: string }).fund)).toEqual([
      'collection',
      'medical',
      'pension',
      'residents_medical',
      'unemployment',
      'work_injury',
    ]);
    // Each fund's first transaction starts at the genesis; each later one names its predecessor's hash.
    const last = new Map<string, string>();
    for await (const transaction of walkJournal(db)) {
      expect(transaction.prevHash).toBe(last.get(transaction.fund) ?? GENESIS_HASH);
      expect(transaction.hash).toBe(hashTransaction(transaction.prevHash!, transaction));
      last.set(transaction.fund, transaction.hash!);
    }
    const heads = await db.selectFrom('journal_chain_heads').selectAll().execute();
    for (const head of heads) expect(head.head_hash).toBe(last.get(head.fund) ?? GENESIS_HASH);
  });

  it('names the transaction whose amount was edited behind the triggers', async () => {
    const db = getDb();
    const victim = await db
      .selectFrom('journal_transactions as t')
      .innerJoin('journal_entries as e', 'e.transaction_id', 't.id')
      .select(['t.id', 't.fund', 'e.id as entry_id'])
      .where('t.fund', '=', 'pension')
      .where('t.kind', '=', 'assessment')
      .orderBy('t.id')
      .executeTakeFirstOrThrow();
    await behindTheTriggers(db, 'journal_entries', async () => {
      await db
        .updateTable('journal_entries')
        .set((eb) => ({ amount_fen: eb('amount_fen', '+', 100) }))
        .where('id', '=', victim.entry_id)
        .execute();
    });
    const report = await verifyLedger(db);
    expect(report.ok).toBe(false);
    expect(report.brokenLinks).toEqual([
      {
        fund: 'pension',
        transactionId: Number(victim.id),
        eventKey: expect.any(String),
        reason: 'its hash does not match its content',
      },
    ]);
    const pension = chainChecks(report).find((check) => (check as { fund?: string }).fund === 'pension')!;
    expect(pension.ok).toBe(false);
    // The other funds' chains are untouched.
    expect(chainChecks(report).filter((check) => !check.ok)).toHaveLength(1);

    await behindTheTriggers(db, 'journal_entries', async () => {
      await db
        .updateTable('journal_entries')
        .set((eb) => ({ amount_fen: eb('amount_fen', '-', 100) }))
        .where('id', '=', victim.entry_id)
        .execute();
    });
    expect((await verifyLedger(db)).ok).toBe(true);
  });

  it('catches a journal re-hashed after an edit against a kept anchor, and a removed tail at the head', async () => {
    const db = getDb();
    const anchor = await readJournalAnchor(db, '2025-08-10T03:00:00.000Z');
    expect((await verifyLedger(db, { anchors: [anchor] })).ok).toBe(true);
    const medical: StoredTransaction[] = [];
    for await (const transaction of walkJournal(db))
      if (transaction.fund === 'medical') medical.push(transaction);
    const first = medical[0]!;
    // Rewrite the first medical transaction's date and re-hash the whole medical chain consistently.
    await behindTheTriggers(db, 'journal_transactions', async () => {
      let previous = GENESIS_HASH;
      for (const transaction of medical) {
        const businessDate = transaction.id === first.id ? '2025-07-02' : transaction.businessDate;
        const hash = hashTransaction(previous, { ...transaction, businessDate });
        await db
          .updateTable('journal_transactions')
          .set({ business_date: businessDate, prev_hash: previous, hash })
          .where('id', '=', transaction.id)
          .execute();
        previous = hash;
      }
      await db
        .updateTable('journal_chain_heads')
        .set({ head_hash: previous })
        .where('fund', '=', 'medical')
        .execute();
    });
    const chain = await verifyJournalChain(db);
    expect(chain.brokenLinks).toEqual([]);
    const anchored = await verifyJournalChain(db, [anchor]);
    const anchorCheck = anchored.checks.find((check) => check.code === 'journal-anchors-kept')!;
    expect(anchorCheck.ok).toBe(false);
    expect(anchorCheck.discrepancies.join('\n')).toContain(`medical transaction ${medical.at(-1)!.id}`);

    // Put it back, then drop the last pension transaction: the chain in the rows is whole, the head is not.
    await behindTheTriggers(db, 'journal_transactions', async () => {
      let previous = GENESIS_HASH;
      for (const transaction of medical) {
        const hash = hashTransaction(previous, transaction);
        await db
          .updateTable('journal_transactions')
          .set({ business_date: transaction.businessDate, prev_hash: previous, hash })
          .where('id', '=', transaction.id)
          .execute();
        previous = hash;
      }
      await db
        .updateTable('journal_chain_heads')
        .set({ head_hash: previous })
        .where('fund', '=', 'medical')
        .execute();
    });
    expect((await verifyLedger(db, { anchors: [anchor] })).ok).toBe(true);
    // Drop the last pension transaction and point the head at the one before: the rows still chain, but
    // the head's hash is the dropped transaction's.
    const [beforeLast, last] = await db
      .selectFrom('journal_transactions')
      .select('id')
      .where('fund', '=', 'pension')
      .orderBy('id', 'desc')
      .limit(2)
      .execute()
      .then((rows) => rows.reverse().map((row) => Number(row.id)));
    await behindTheTriggers(db, 'journal_entries', async () => {
      await db.deleteFrom('journal_entries').where('transaction_id', '=', last!).execute();
    });
    await behindTheTriggers(db, 'journal_transactions', async () => {
      await db
        .updateTable('journal_chain_heads')
        .set({ head_transaction_id: beforeLast! })
        .where('fund', '=', 'pension')
        .execute();
      await db.deleteFrom('journal_transactions').where('id', '=', last!).execute();
    });
    const report = await verifyJournalChain(db);
    expect(report.brokenLinks).toEqual([]);
    const pension = report.checks.find((check) => check.fund === 'pension')!;
    expect(pension.ok).toBe(false);
    expect(pension.discrepancies).toEqual([
      `the chain head is transaction ${beforeLast} with another hash than the chain up to it (a transaction after it removed?)`,
    ]);
  });
});

describeEachDatabase('the tamper-evident journal under concurrent postings', (getDb, dialect) => {
  it('never forks a fund chain when many transactions post to it at once', async () => {
    const db = getDb();
    const post = (index: number) =>
      db
        .transaction()
        .execute((trx) =>
          insertPostings(
            trx,
            postAssessment(
              { eventKey: `concurrent:${index}`, businessDate: '2025-07-01', regionCode: '110000' },
              { pension: 100 + index, medical: 50, unemployment: 0, work_injury: 0 },
            ),
            '2025-07-01T00:00:00.000Z',
          ),
        );
    await Promise.all(Array.from({ length: dialect === 'postgres' ? 24 : 8 }, (_, index) => post(index)));
    const chain = await verifyJournalChain(db);
    expect(chain.brokenLinks).toEqual([]);
    expect(chain.checks.every((check) => check.ok)).toBe(true);
    const prevs = await db
      .selectFrom('journal_transactions')
      .select('prev_hash')
      .where('fund', '=', 'pension')
      .execute();
    expect(new Set(prevs.map((row) => row.prev_hash)).size).toBe(prevs.length);
  });
});

describeEachDatabase(
  'the journal chain migration',
  (getDb) => {
    it('chains the transactions posted before it, in id order per fund', async () => {
      const db = getDb();
      const before = Object.fromEntries(
        Object.entries(migrations).filter(([name]) => name < '0013-journal-chain'),
      );
      await migrateToLatest(db, before);
      // Rows as the code before the chain wrote them: no hashes.
      const ids: number[] = [];
      for (const [index, fund] of ['pension', 'medical', 'pension'].entries()) {
        const row = await db
          .insertInto('journal_transactions')
          .values({
            fund: fund as 'pension',
            kind: 'assessment',
            event_key: `old:${index}`,
            reverses_id: null,
            business_date: '2025-01-01',
            recorded_at: '2025-01-01T00:00:00.000Z',
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(Number(row.id));
        await db
          .insertInto('journal_entries')
          .values([
            {
              transaction_id: row.id,
              fund,
              account: 'receivable',
              side: 'debit',
              amount_fen: 10 + index,
              region_code: '110000',
            },
            {
              transaction_id: row.id,
              fund,
              account: 'contribution_income',
              side: 'credit',
              amount_fen: 10 + index,
              region_code: '110000',
            },
          ] as never)
          .execute();
      }
      await migrateToLatest(db);
      const chain = await verifyJournalChain(db);
      expect(chain.brokenLinks).toEqual([]);
      expect(chain.checks.every((check) => check.ok)).toBe(true);
      const rows = await db
        .selectFrom('journal_transactions')
        .select(['id', 'prev_hash', 'hash'])
        .orderBy('id')
        .execute();
      expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
      expect(rows[1]!.prev_hash).toBe(GENESIS_HASH);
      expect(rows[2]!.prev_hash).toBe(rows[0]!.hash);
      const head = await db
        .selectFrom('journal_chain_heads')
        .selectAll()
        .where('fund', '=', 'pension')
        .executeTakeFirstOrThrow();
      expect(Number(head.head_transaction_id)).toBe(ids[2]);
      // The trigger is back: the journal is append-only again.
      await expect(
        db.updateTable('journal_transactions').set({ kind: 'x' }).where('id', '=', ids[0]!).execute(),
      ).rejects.toThrow(/append-only/);
    });
  },
  { migrate: false },
);
