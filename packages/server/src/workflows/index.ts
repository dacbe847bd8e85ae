export { runCollection } from './month-run.ts';
export { reassessMonths } from './reassess-months.ts';
export { settleEstimates } from './settle-estimates.ts';
export { baseCorrectionApplier, paymentReversalApplier, policyVersionApplier } from './approval-appliers.ts';
export { benefitAwardApplier, decideBenefitAward, proposeBenefitAward } from './award-benefit.ts';
