import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { NoticeDraft } from './notice-kinds.ts';
import { insertFanout } from './fanouts.repository.ts';
import { insertNotices } from './notices.repository.ts';

/**
 * Writes notices into the outbox (docs/RULES.md 17.1). Call it with the transaction of the business event
 * the notices tell of, so that both commit or neither does; the worker delivers them later. A draft whose
 * event key is already in the outbox writes nothing, so a re-run tells no one twice. Returns how many
 * notices are new.
 */
export function enqueueNotices(
  db: Kysely<Database>,
  at: Date,
  drafts: readonly NoticeDraft[],
): Promise<number> {
  if (drafts.length === 0) return Promise.resolve(0);
  const createdAt = at.toISOString();
  return insertNotices(
    db,
    drafts.map((draft) => ({
      recipient_kind: draft.recipient.kind,
      recipient_id: draft.recipient.id,
      region_code: draft.regionCode,
      kind: draft.kind,
      event_key: draft.eventKey,
      params: JSON.stringify(draft.params),
      link: draft.link ?? null,
      created_at: createdAt,
    })),
  );
}

/**
 * Tells each person on these bills, just paid in full, that the month is credited to their record
 * (docs/RULES.md 17.1, 17.6). In the payment's transaction it writes one row, the event; the worker expands
 * it into a notice per person (expand-fanouts.ts), so a payment of a province's bills does not write a
 * notice per employee on its own path.
 */
export async function enqueueCreditedNotices(
  db: Kysely<Database>,
  billIds: readonly number[],
  at: string,
): Promise<void> {
  if (billIds.length === 0) return;
  await insertFanout(db, { kind: 'credited-bills', payload: JSON.stringify(billIds), created_at: at });
}
