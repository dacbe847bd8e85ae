import type { Role } from '../modules/auth/index.ts';

/** Role sets routes share; the route table test spells each route's expectation out on its own. */

/** Every agency role that reads records (the auditor reads everything and writes nothing). */
export const STAFF_READERS: readonly Role[] = [
  'admin',
  'collection_officer',
  'benefits_officer',
  'medical_officer',
  'inspector',
  'auditor',
];

/** Registration, collection and payments are the collection officer's work. */
export const COLLECTION_WRITERS: readonly Role[] = ['admin', 'collection_officer'];

/** Oversight reads: the ledger, approvals. */
export const OVERSIGHT_READERS: readonly Role[] = ['admin', 'collection_officer', 'inspector', 'auditor'];

/** Staff who may issue a person's statement on their behalf (a write, so not the auditor). */
export const STATEMENT_ISSUERS: readonly Role[] = STAFF_READERS.filter((role) => role !== 'auditor');
