import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import type { PolicyService } from '../policy/index.ts';

/** What the medical module's use cases work with. */
export interface MedicalDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** The regions' medical rules (deductibles, ratios, caps, retiree minimums). */
  policy: PolicyService;
}
