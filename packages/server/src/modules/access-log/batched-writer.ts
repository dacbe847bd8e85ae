import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { insertAccessRows } from './access-log.repository.ts';

type Row = (string | number | null)[];

interface Waiting {
  rows: Row[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes the access-log rows of concurrent requests together: the rows handed in during one turn of the
 * event loop go into one insert, one commit, at the end of it. Each caller's promise settles only once its
 * own rows are stored, so a reply still never leaves before its log row (http/personal-data.ts); only the
 * commit is shared. Under load this turns a commit per read into a commit per few dozen reads. If the
 * insert fails, every caller of that batch gets the error.
 */
export function createBatchedAccessWriter(db: Kysely<Database>): (rows: Row[]) => Promise<void> {
  let waiting: Waiting[] = [];
  const flush = async () => {
    const batch = waiting;
    waiting = [];
    try {
      await insertAccessRows(
        db,
        batch.flatMap((entry) => entry.rows),
      );
      for (const entry of batch) entry.resolve();
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  };
  return (rows) =>
    new Promise<void>((resolve, reject) => {
      if (waiting.length === 0) setImmediate(() => void flush());
      waiting.push({ rows, resolve, reject });
    });
}
