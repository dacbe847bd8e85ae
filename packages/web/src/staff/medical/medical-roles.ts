import type { UserView } from '../../api/pending-paths.ts';

/*
 * Who sees which medical pages (the server's access rules, docs/RULES.md 16.1): the agency's medical
 * officers and oversight read the institutions and their claims, the officers act on them; an
 * institution's own account sees only its institution: its counter, its claims, its agreements.
 */

/** Who reads the region's institutions and claims (medical-institutions.list, medical-claims.read). */
export const MEDICAL_READERS = ['admin', 'medical_officer', 'inspector', 'auditor'];
/** Who registers institutions, signs and changes agreements, and cancels claims for them. */
export const MEDICAL_OFFICERS = ['admin', 'medical_officer'];

/**
 * Who takes a resident's yearly enrolment at the counter (resident-enrolments.record): the collection
 * officers, who take premiums, and the medical officers.
 */
export const ENROLMENT_RECORDERS = ['admin', 'collection_officer', 'medical_officer'];

export const readsMedical = (user: UserView) => user.roles.some((role) => MEDICAL_READERS.includes(role));
/** Officers also settle the month, credit the retirees, scan, clear flags and propose and decide findings. */
export const actsOnMedical = (user: UserView) => user.roles.some((role) => MEDICAL_OFFICERS.includes(role));
export const recordsEnrolments = (user: UserView) =>
  user.roles.some((role) => ENROLMENT_RECORDERS.includes(role));

/** The institution an institution's own account acts for; null for the agency's staff. */
export function ownInstitution(user: UserView | null | undefined): number | null {
  return user?.roles.includes('institution_user') ? (user.institutionId ?? null) : null;
}
