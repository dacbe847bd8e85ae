export { createMedicalService, type MedicalService } from './medical.service.ts';
export type { ClaimOutcome, ClaimSubmission } from './settle-claims.ts';
export type { ClaimView, ClaimInput } from './claims.schemas.ts';
export type { InstitutionView } from './institutions.schemas.ts';
export { institutionExists } from './institutions.repository.ts';
