import { maskResidentId, regionCodePrefix, type BusinessDate } from '@shebao/domain';
import { selectPensionerChunk } from './due-list.repository.ts';
import { standingFrom } from './standing.ts';
import type { DueItem } from './survival.schemas.ts';
import type { SurvivalDeps } from './survival-deps.ts';

/** Awards read per query while a page fills. */
const CHUNK = 500;

/**
 * A page of the region's pensioners due for verification on a day (docs/RULES.md 14.9): those whose cycle
 * ends within 60 days without a verification, and those overdue (payment suspended), by award from a
 * cursor; identity numbers masked. Reads the region's awards a chunk at a time until the page is full.
 */
export async function listDue(
  deps: SurvivalDeps,
  query: { regionCode: string; asOf: BusinessDate; afterAwardId?: number; limit: number },
): Promise<{ items: (DueItem & { awardId: number })[]; more: boolean }> {
  const items: (DueItem & { awardId: number })[] = [];
  let after = query.afterAwardId;
  for (;;) {
    const chunk = await selectPensionerChunk(deps.db, {
      regionPrefix: regionCodePrefix(query.regionCode),
      ...(after === undefined ? {} : { afterAwardId: after }),
      limit: CHUNK,
    });
    for (const row of chunk) {
      const days = row.verifiedOn ? row.verifiedOn.split(',') : [];
      const standing = standingFrom(
        row.firstPaymentMonth,
        row.awardNo,
        days.map((on) => ({ on, method: 'counter' as const })),
        query.asOf,
      );
      if (standing.status !== 'due' && standing.status !== 'overdue') continue;
      if (items.length === query.limit) return { items, more: true };
      items.push({
        awardId: row.awardId,
        personId: row.personId,
        name: row.name,
        idNumberMasked: maskResidentId(row.idNumber),
        awardNo: row.awardNo,
        firstPaymentMonth: row.firstPaymentMonth,
        cycleStart: standing.cycleStart,
        cycleEnd: standing.cycleEnd,
        dueBy: standing.dueBy,
        status: standing.status,
        suspendedFrom: standing.suspendedFrom,
        lastVerifiedOn: standing.lastVerifiedOn,
      });
    }
    if (chunk.length < CHUNK) return { items, more: false };
    after = chunk.at(-1)!.awardId;
  }
}
