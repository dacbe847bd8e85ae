export { runCollection } from './month-run.ts';
export { reassessMonths } from './reassess-months.ts';
export { settleEstimates } from './settle-estimates.ts';
export { baseCorrectionApplier, policyVersionApplier } from './approval-appliers.ts';
export {
  applyPaymentReversal,
  paymentReversalApplier,
  proposePaymentReversal,
  regionOfPayer,
} from './payment-reversal.ts';
export { importBankStatement } from './bank-statement-import.ts';
export { resolveUnmatchedRow } from './resolve-statement-row.ts';
export { approveDeferral } from './approve-deferral.ts';
export { benefitAwardApplier, decideBenefitAward, proposeBenefitAward } from './award-benefit.ts';
export { assessBenefitClaim } from './assess-benefit-claim.ts';
export { hireEmployee, stopUnemploymentBenefit } from './stop-unemployment.ts';
export { deathConfirmationApplier, decideDeathReport, proposeDeathReport } from './confirm-death.ts';
export { recordSurvivalVerification, verifySurvivalSelf } from './verify-survival.ts';
export {
  applyPensionAdjustment,
  decidePensionAdjustment,
  listPensionAdjustmentProposals,
  pensionAdjustmentApplier,
  proposePensionAdjustment,
} from './adjust-pensions.ts';
export {
  awardCorrectionApplier,
  decideAwardCorrection,
  pendingAwardCorrection,
  proposeAwardCorrection,
} from './correct-award.ts';
export { runRetirementInvitations } from './invite-to-claim.ts';
export {
  decideRecordCorrection,
  proposeRecordCorrection,
  reassessGrantedCorrection,
  recordCorrectionApplier,
} from './correct-record.ts';
export { medicalFindingApplier, proposeMedicalFinding, decideMedicalFinding } from './medical-findings.ts';
