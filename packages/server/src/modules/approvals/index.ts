export { createApprovalService, type Approval, type ApprovalService, type ChangeApplier } from './service.ts';
export { baseCorrectionApplier, paymentReversalApplier, policyVersionApplier } from './appliers.ts';
