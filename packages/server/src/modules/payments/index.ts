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
export { listPayments, getReceipt, findPaymentPayer, type PaymentSummary } from './payment-queries.ts';
export {
  checkPaymentReversal,
  paymentReversalInput,
  readPaymentReversal,
  reversePayment,
  type PaymentReversalInput,
  type ReversalVoucher,
} from './reverse-payment.ts';
export { proposePaymentReversal, regionOfPayer } from './propose-reversal.ts';
export { receipt } from './payments.schemas.ts';
