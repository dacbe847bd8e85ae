import type { Insertable, Kysely } from 'kysely';
import { insertRows, insertRowsReturningIds, type Database } from '../../db/index.ts';

/** The tables registration owns that a bulk load fills (db/table-owners.ts). */
export type RegistrationTable =
  'employers' | 'persons' | 'employments' | 'contribution_bases' | 'flexible_enrolments' | 'declarations';

/**
 * Writes registration rows in bulk, inside the caller's transaction: the demo region and the benchmarks'
 * synthetic regions load through this one writer, the same `insertRows` the batch use cases write with.
 * The rows are trusted (generated, not typed in): the checks of the registration use cases are theirs.
 */
export function loadRegistrationRows<T extends RegistrationTable>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  return insertRows(db, table, rows);
}

/** loadRegistrationRows for rows whose new ids the caller needs next, in the order of `rows`. */
export function loadRegistrationRowsReturningIds<T extends RegistrationTable>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<number[]> {
  return insertRowsReturningIds(db, table, rows);
}
