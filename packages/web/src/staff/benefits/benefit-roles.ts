import type { UserView } from '../../api/pending-paths.ts';

/** Who may see the application queue (benefit-applications.list-region) and who may act on it (review). */
export const BENEFIT_READERS = ['admin', 'benefits_officer', 'inspector', 'auditor'];
export const BENEFIT_OFFICERS = ['admin', 'benefits_officer'];

export const readsBenefits = (user: UserView) => user.roles.some((role) => BENEFIT_READERS.includes(role));
export const actsOnBenefits = (user: UserView) => user.roles.some((role) => BENEFIT_OFFICERS.includes(role));
