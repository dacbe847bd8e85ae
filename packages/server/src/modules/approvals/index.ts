export { createApprovalService, type Approval, type ApprovalService, type ChangeApplier } from './service.ts';
export { policyVersionApplier } from './appliers.ts';
