import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import type { DocumentStore } from '../benefits/index.ts';
import type { PolicyService } from '../policy/index.ts';
import type { Employment, Person } from '../registration/index.ts';

/** What the card use cases work with: persons and employments are registration's, files the document store. */
export interface CardsDeps {
  db: Kysely<Database>;
  clock: Clock;
  policy: PolicyService;
  /** Photos, production batch files and the banks' return files, each kept by its SHA-256. */
  files: DocumentStore;
  persons: {
    getPerson(personId: number): Promise<Person>;
    findPersonByIdNumber(idNumber: string): Promise<Person | undefined>;
    listEmployments(employerId: number, options?: { activeOn?: string }): Promise<Employment[]>;
  };
  /** Whether the person's death is confirmed (survival's death reports): no card is issued to them. */
  deaths: { isDeceased(personId: number): Promise<boolean> };
  /**
   * The card benefits are paid to changed (chosen, or moved to the replacement collected): the payroll
   * pays the person's awards to it, in the same transaction (docs/RULES.md 18.9). Given by the
   * composition root; absent, only the choice is recorded.
   */
  paymentCardChanged?: (
    trx: Kysely<Database>,
    change: { personId: number; bankCode: string; accountNo: string; at: Date },
  ) => Promise<unknown>;
}

/** Who records an event: the login kept on the row, and the side they act for. */
export interface CardActor {
  login: string;
  side: 'person' | 'employer' | 'staff';
}
