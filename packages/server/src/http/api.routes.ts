import { accessLogRoutes } from '../modules/access-log/access-log.routes.ts';
import { approvalRoutes } from '../modules/approvals/approvals.routes.ts';
import { arrearsRoutes } from '../modules/arrears/arrears.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { bankStatementRoutes } from '../modules/bank-statements/bank-statements.routes.ts';
import { collectionJobRoutes } from '../modules/collection/collection-jobs.routes.ts';
import { billRoutes } from '../modules/collection/bills.routes.ts';
import { collectionRoutes } from '../modules/collection/collection-runs.routes.ts';
import { deferralRoutes } from '../modules/deferrals/deferrals.routes.ts';
import { employerInquiryRoutes } from '../modules/employer-inquiry/employer-inquiry.routes.ts';
import { employerNoticeRoutes } from '../modules/employer-notices/employer-notices.routes.ts';
import { flexibleContributionRoutes } from '../modules/flexible-grade/flexible-grade.routes.ts';
import { ledgerRoutes } from '../modules/ledger/ledger.routes.ts';
import { paymentReversalRoutes } from '../modules/payments/payment-reversals.routes.ts';
import { paymentRoutes } from '../modules/payments/payments.routes.ts';
import { regionPaymentRoutes } from '../modules/payments/region-payments.routes.ts';
import { personPaymentRoutes } from '../modules/payments/person-payments.routes.ts';
import { employerPaymentRoutes } from '../modules/payments/employer-payments.routes.ts';
import { policyRoutes } from '../modules/policy/policy.routes.ts';
import { statementRoutes } from '../modules/statements/statements.routes.ts';
import { registrationRoutes } from '../modules/registration/registration.routes.ts';
import { rightsRecordRoutes } from '../modules/rights-record/rights-record.routes.ts';
import type { RoutePlugin } from './api-server.ts';
import { problemTypeRoutes } from './problem-types.ts';

/** Every module's routes, in the order they appear in the OpenAPI document. */
export const apiRoutePlugins: readonly RoutePlugin[] = [
  authRoutes,
  registrationRoutes,
  flexibleContributionRoutes,
  rightsRecordRoutes,
  accessLogRoutes,
  statementRoutes,
  collectionRoutes,
  billRoutes,
  collectionJobRoutes,
  paymentRoutes,
  paymentReversalRoutes,
  regionPaymentRoutes,
  personPaymentRoutes,
  employerPaymentRoutes,
  bankStatementRoutes,
  deferralRoutes,
  employerNoticeRoutes,
  employerInquiryRoutes,
  arrearsRoutes,
  ledgerRoutes,
  policyRoutes,
  approvalRoutes,
  problemTypeRoutes,
];
