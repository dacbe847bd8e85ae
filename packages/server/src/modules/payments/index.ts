export {
  recordPayments,
  recordPayment,
  type PaymentInput,
  type Receipt,
  type PaymentDeps,
  lateFeeByFund,
} from './record-payments.ts';
export { quoteOpenBills, quotePayment, type PaymentQuote, type QuotedBill } from './quote-payment.ts';
export { applyHeldCredits, type HeldCreditsResult } from './apply-held-credits.ts';
export { getReceipt } from './read-receipt.ts';
export {
  findPaymentPayer,
  listPayments,
  selectPaymentIdsByNo,
  selectPaymentNosById,
  selectPaymentsByReference,
  type PaymentSummary,
  insertPaymentRows,
} from './payments.repository.ts';
export {
  checkPaymentReversal,
  readPaymentReversal,
  takeBackPayment,
  type ReversalVoucher,
  type TakenBackPayment,
} from './reverse-payment.ts';
export { mirrorPostings } from './mirror-postings.ts';
export { paymentReversalInput, receipt, type PaymentReversalInput } from './payments.schemas.ts';
export { insertAllocationRows } from './allocations.repository.ts';
