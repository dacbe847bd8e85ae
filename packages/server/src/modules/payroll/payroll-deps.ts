import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import type { DocumentStore } from '../benefits/index.ts';
import type { PolicyService } from '../policy/index.ts';

/** What the payroll's use cases work with. */
export interface PayrollDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** Where issued bank files are kept, each by the SHA-256 of its bytes (the application documents' store). */
  files: DocumentStore;
  /** The region's rules the run reads (the unemployment fund's medical premiums). */
  policy: PolicyService;
}
