import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import type { BenefitsService } from '../benefits/index.ts';
import type { PolicyService } from '../policy/index.ts';
import type { Person } from '../registration/index.ts';

/** What the survival use cases work with: the awards are benefits', the persons registration's. */
export interface SurvivalDeps {
  db: Kysely<Database>;
  clock: Clock;
  policy: PolicyService;
  benefits: Pick<BenefitsService, 'awardsOf'>;
  persons: { getPerson(personId: number): Promise<Person> };
}

/** Who records: the login name kept on the row, and which side they act for. */
export interface Recorder {
  login: string;
  side: 'person' | 'staff';
}
