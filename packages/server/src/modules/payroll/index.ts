export { createPayrollService, type PayrollService } from './payroll.service.ts';
export type { PayrollDeps } from './payroll-deps.ts';
export { awardsOnRoll, enrolAward, type AwardToEnrol } from './enrol-award.ts';
export { recordAwardVersions, type NewAwardVersion } from './record-award-versions.ts';
export { stopPayment, stoppedPayments, type StoppedPayment } from './stop-payment.ts';
export { setVerifiedThrough } from './set-verified-through.ts';
export { payAwardsToCard } from './pay-to-card.ts';
export { scheduleOneTimePayments, accountLeftOf, type OneTimePayment } from './schedule-one-time-payments.ts';
export { PAYROLL_CHUNK_ROLLS, type PayrollRunResult } from './run-payroll.ts';
export {
  payrollRunInput,
  payrollRunView,
  bankReturnSummary,
  pensionPaymentsView,
  type PayrollRunView,
  type PensionPaymentsView,
} from './payroll.schemas.ts';
