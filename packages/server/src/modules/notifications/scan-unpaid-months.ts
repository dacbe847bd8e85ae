import { addDays, regionCodePrefix, type BusinessDate, type RegionCode } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { insertUnpaidNotices } from './contribution-notices.repository.ts';

/** How far back a scan looks for bills that fell due: a scan missed for a few weeks still tells everyone. */
export const UNPAID_LOOKBACK_DAYS = 31;

/**
 * Tells each person on a contribution bill that passed its due date unpaid (docs/RULES.md 17.6), once per
 * bill, person and month: the bills that fell due in the last weeks before `today` are looked at, so a
 * daily scan (the worker's) sees each bill on the days after its due date and then no more.
 */
export async function scanUnpaidMonths(
  db: Kysely<Database>,
  today: BusinessDate,
  at: Date,
  regionCode?: RegionCode,
): Promise<number> {
  return insertUnpaidNotices(
    db,
    {
      fromDate: addDays(today, -UNPAID_LOOKBACK_DAYS),
      toDate: addDays(today, -1),
      regionPrefix: regionCode === undefined ? undefined : regionCodePrefix(regionCode),
    },
    at.toISOString(),
  );
}
