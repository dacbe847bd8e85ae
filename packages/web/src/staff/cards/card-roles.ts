import type { UserView } from '../../api/pending-paths.ts';

/*
 * Who sees which part of the staff's card page (the server's access rules, docs/ARCHITECTURE.md "Access
 * rules", rows cards.*, card-production.*, e-cards.*): the collection officers and oversight read the
 * region's queue and batches (cards.list-queue, card-production.read); the collection officers and
 * administrators act on cards, create batches and import the banks' returns (cards.decide ...,
 * card-production.run, card-production.import-return); the agency's officers, oversight and institutions
 * verify electronic cards (e-cards.verify).
 */
export const CARD_READERS = ['admin', 'collection_officer', 'inspector', 'auditor'];
export const CARD_OFFICERS = ['admin', 'collection_officer'];
export const E_CARD_VERIFIERS = [
  'admin',
  'collection_officer',
  'benefits_officer',
  'medical_officer',
  'inspector',
  'institution_user',
];

const hasAny = (user: UserView, roles: string[]) => user.roles.some((role) => roles.includes(role));
export const readsCards = (user: UserView) => hasAny(user, CARD_READERS);
export const actsOnCards = (user: UserView) => hasAny(user, CARD_OFFICERS);
export const verifiesECards = (user: UserView) => hasAny(user, E_CARD_VERIFIERS);
/** Whether the card page is in the menu at all. */
export const seesCardPage = (user: UserView) => readsCards(user) || verifiesECards(user);
