import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { PaymentDeps } from '../payments/index.ts';

/**
 * Runs `work` in one transaction, handing it payment dependencies that record inside that transaction,
 * so that payments commit or roll back with the statement rows that explain them (DESIGN.md, ledger
 * rule 6). recordPayments opens a transaction of its own and Kysely cannot nest one in another, so the
 * `db` it gets answers "begin a transaction" with the open one. The policy book is read first: on SQLite
 * a read through the pool would wait forever for the one connection the transaction holds.
 * To go once recordPayments can run in a given transaction.
 */
export async function runPaymentTransaction<T>(
  deps: PaymentDeps,
  work: (trx: Transaction<Database>, deps: PaymentDeps) => Promise<T>,
): Promise<T> {
  const book = await deps.policy.loadBook();
  const policy = { ...deps.policy, loadBook: async () => book };
  return deps.db
    .transaction()
    .execute((trx) => work(trx, { db: joinTransaction(trx), clock: deps.clock, policy }));
}

function joinTransaction(trx: Transaction<Database>): Kysely<Database> {
  return new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') {
        return () => ({ execute: <T>(work: (trx: Transaction<Database>) => Promise<T>) => work(target) });
      }
      // Kysely keeps its state in private fields, so methods must run on the real object.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
