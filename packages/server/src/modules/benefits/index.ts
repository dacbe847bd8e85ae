export { createBenefitsService, type BenefitsService } from './benefits.service.ts';
export type { Actor, BenefitsDeps } from './benefits-deps.ts';
export { createDocumentStore, sha256Of, type DocumentStore } from './document-store.ts';
export { DOCUMENT_MEDIA_TYPES, MAX_DOCUMENT_BYTES } from './check-document.ts';
export type { PersonLookup, FileApplicationInput } from './file-application.ts';
export type { PensionAssessment } from './assess-pension-application.ts';
export { CLAIM_KINDS, type ClaimAssessment, type ClaimContext } from './assess-claim.ts';
export { SURVIVORS_ROLL_KIND } from './assess-injury-death.ts';
export { awardPayload, type AwardPayload, type NewAwardPayload } from './record-award.ts';
export {
  applicationView,
  awardView,
  awardProposalInput,
  newApplicationInput,
  noteInput,
  refusalInput,
  type ApplicationView,
  type AwardProposalInput,
  type AwardView,
  type NewApplicationInput,
} from './applications.schemas.ts';
export {
  awardCorrectionInput,
  awardCorrectionPayload,
  type AwardChange,
  type AwardCorrectionInput,
  type AwardCorrectionPayload,
} from './correct-award.ts';
export type { AdjustedVersion, PensionInPayment } from './pensions-in-payment.ts';
export type { NewInvitation } from './invitations.ts';
export {
  invitationRunInput,
  invitationRunReply,
  invitationView,
  type InvitationRunInput,
  type InvitationRunReply,
  type InvitationView,
} from './invitations.schemas.ts';
export {
  recordCorrectionInput,
  recordCorrectionPayload,
  recordCorrectionView,
  type CorrectionAdjustment,
  type MonthsToReassess,
  type RecordChange,
  type RecordCorrectionInput,
  type RecordCorrectionPayload,
  type RecordCorrectionView,
} from './record-correction.schemas.ts';
