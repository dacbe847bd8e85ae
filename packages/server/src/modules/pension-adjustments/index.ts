export {
  createPensionAdjustmentsService,
  type NewHistoryRow,
  type PensionAdjustmentsService,
} from './pension-adjustments.service.ts';
export { domainPolicy } from './record-policy.ts';
export {
  adjustmentChange,
  adjustmentPolicyInput,
  adjustmentPolicyPayload,
  adjustmentPolicyView,
  adjustmentRunReply,
  type AdjustmentChange,
  type AdjustmentPolicyInput,
  type AdjustmentPolicyPayload,
  type AdjustmentPolicyView,
  type AdjustmentRunReply,
} from './pension-adjustments.schemas.ts';
