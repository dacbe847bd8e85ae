import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import type { PolicyService } from '../policy/index.ts';

/** What the collection processes work with: the database, the clock and the policy book. */
export interface CollectionDeps {
  db: Kysely<Database>;
  clock: Clock;
  policy: PolicyService;
}
