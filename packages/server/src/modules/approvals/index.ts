export { createApprovalService, type Approval, type ApprovalService, type ChangeApplier } from './service.ts';
export { baseCorrectionApplier, policyVersionApplier } from './appliers.ts';
