import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from './database-url.ts';

/**
 * All rows of a query as one JSON array of arrays, built by the database: for hot reads of a few dozen
 * rows, where turning each row into a JavaScript object costs more than finding it (better-sqlite3 makes
 * an object per row and a property per column; one text value and JSON.parse cost a fraction). Rows come
 * in the order the database reads them; sort them if the order matters.
 */
export function jsonRows(dialect: Dialect, columns: readonly string[]): RawBuilder<unknown> {
  const values = sql.join(columns.map((column) => sql.ref(column)));
  return dialect === 'postgres'
    ? sql`coalesce(json_agg(json_build_array(${values})), '[]'::json)`
    : sql`json_group_array(json_array(${values}))`;
}

/** The value of a jsonRows column: text from SQLite, already parsed by the PostgreSQL driver. */
export function parseJsonRows<Row extends unknown[]>(value: unknown): Row[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as Row[];
}
