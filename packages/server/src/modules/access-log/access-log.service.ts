import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import { insertAccessRows, selectAccessLog } from './access-log.repository.ts';
import { accessActor, type AccessActor, type AccessLogEntry } from './access-log.schemas.ts';

export interface AccessLogDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** How the rows are stored; by default one insert on `db` (the HTTP layer batches: batched-writer.ts). */
  writeRows?: (rows: (string | number | null)[][]) => Promise<void>;
}

export interface AccessRead {
  /** Whose record was read: one person, or every person on a list (a staff list, a bill's lines). */
  personIds: readonly number[];
  actor: AccessActor;
  what: string;
  route: string;
  requestId?: string;
}

export interface AccessLogPage {
  entries: AccessLogEntry[];
  /** Pass back as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Records that someone other than the person read the person's record (docs/RULES.md 9.4: every access
 * by someone else is logged, and the person can see it). One row per person read, in one insert; a person
 * reading their own record is not an access by someone else and is left out by the caller.
 */
export async function recordAccess(deps: AccessLogDeps, read: AccessRead): Promise<void> {
  const actor = accessActor.safeParse(read.actor);
  if (!actor.success) throw fromZodError(actor.error);
  if (read.personIds.length === 0) return;
  const at = deps.clock.now().toISOString();
  const write = deps.writeRows ?? ((rows) => insertAccessRows(deps.db, rows));
  await write(
    [...new Set(read.personIds)].map((personId) => [
      personId,
      at,
      actor.data.kind,
      actor.data.id,
      actor.data.label,
      read.what,
      read.route,
      read.requestId ?? null,
    ]),
  );
}

/** The person's own view of who read their record, newest first, a page at a time. */
export async function listAccessLog(
  deps: AccessLogDeps,
  personId: number,
  page: { before?: string; limit?: number } = {},
): Promise<AccessLogPage> {
  const limit = page.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new AppError(ErrorCode.VALIDATION, 'limit: must be a whole number from 1 to 500', {
      field: 'limit',
    });
  }
  let beforeId: number | undefined;
  if (page.before !== undefined) {
    beforeId = Number(page.before);
    if (!/^\d+$/.test(page.before) || !Number.isSafeInteger(beforeId)) {
      throw new AppError(ErrorCode.VALIDATION, 'before: not a cursor from an earlier page', {
        field: 'before',
      });
    }
  }
  const entries = await selectAccessLog(deps.db, personId, { beforeId, limit: limit + 1 });
  const more = entries.length > limit;
  const shown = more ? entries.slice(0, limit) : entries;
  return { entries: shown, nextCursor: more ? String(shown.at(-1)!.id) : null };
}
