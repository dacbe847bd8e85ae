export {
  createApprovalService,
  type Approval,
  type ApprovalService,
  type ChangeApplier,
} from './approvals.service.ts';
export { approval, decisionOf, secondPersonDecision } from './approvals.schemas.ts';
export { selectPendingProposal } from './approvals.repository.ts';
