import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import type { PolicyService } from '../policy/index.ts';
import type { DocumentStore } from './document-store.ts';

/** What the benefit use cases work with. */
export interface BenefitsDeps {
  db: Kysely<Database>;
  clock: Clock;
  policy: PolicyService;
  documents: DocumentStore;
}

/** Who acts: the login name kept on every event, and which side they act for. */
export interface Actor {
  login: string;
  side: 'person' | 'employer' | 'staff';
}
