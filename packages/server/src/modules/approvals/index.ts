export { createApprovalService, type Approval, type ApprovalService, type ChangeApplier } from './service.ts';
export { approval } from './schemas.ts';
