import { insertCreditedNotices } from './contribution-notices.repository.ts';
import { markFanoutExpanded, selectPendingFanouts } from './fanouts.repository.ts';
import type { NotificationDeps } from './notifications-deps.ts';

/**
 * Writes the notices of the events recorded as one row each (docs/RULES.md 17.1): each event in its own
 * transaction with its mark, so an event is expanded once; its notices' event keys make a repeat after a
 * crash write nothing. Returns how many notices were written.
 */
export async function expandFanouts(deps: NotificationDeps, limit = 100): Promise<number> {
  let written = 0;
  for (const event of await selectPendingFanouts(deps.db, limit)) {
    const at = deps.clock.now().toISOString();
    written += await deps.db.transaction().execute(async (trx) => {
      const count = await insertCreditedNotices(trx, JSON.parse(event.payload) as number[], at);
      await markFanoutExpanded(trx, Number(event.id), at);
      return count;
    });
  }
  return written;
}
