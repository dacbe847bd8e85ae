export {
  recordPayments,
  recordPayment,
  type PaymentInput,
  type Receipt,
  type PaymentDeps,
} from './record-payments.ts';
