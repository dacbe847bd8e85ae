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

export const readsMedical = (user: UserView) => user.roles.some((role) => MEDICAL_READERS.includes(role));
export const actsOnMedical = (user: UserView) => user.roles.some((role) => MEDICAL_OFFICERS.includes(role));

/** The institution an institution's own account acts for; null for the agency's staff. */
export function ownInstitution(user: UserView | null | undefined): number | null {
  return user?.roles.includes('institution_user') ? (user.institutionId ?? null) : null;
}
