import type { Transaction } from 'kysely';
import type { Database } from '../db/index.ts';
import type { PaymentDeps } from '../modules/payments/index.ts';

/**
 * Runs `work` in one transaction, with payment dependencies that record inside it, so that payments commit
 * or roll back with the rows that explain them (docs/RULES.md 8.6): recordPayments joins a transaction it
 * is given. The policy book is read first: on SQLite a read through the pool would wait forever for the
 * one connection the transaction holds.
 */
export async function runPaymentTransaction<T>(
  deps: PaymentDeps,
  work: (trx: Transaction<Database>, deps: PaymentDeps) => Promise<T>,
): Promise<T> {
  const book = await deps.policy.loadBook();
  const policy = { ...deps.policy, loadBook: async () => book };
  return deps.db.transaction().execute((trx) => work(trx, { db: trx, clock: deps.clock, policy }));
}
