import { accessLogRoutes } from '../modules/access-log/routes.ts';
import { approvalRoutes } from '../modules/approvals/routes.ts';
import { arrearsRoutes } from '../modules/arrears/routes.ts';
import { authRoutes } from '../modules/auth/routes.ts';
import { bankStatementRoutes } from '../modules/bank-statements/routes.ts';
import { collectionJobRoutes } from '../modules/collection/job-routes.ts';
import { collectionRoutes } from '../modules/collection/routes.ts';
import { deferralRoutes } from '../modules/deferrals/routes.ts';
import { employerInquiryRoutes } from '../modules/employer-inquiry/routes.ts';
import { employerNoticeRoutes } from '../modules/employer-notices/routes.ts';
import { flexibleContributionRoutes } from '../modules/flexible-grade/routes.ts';
import { ledgerRoutes } from '../modules/ledger/routes.ts';
import { paymentRoutes } from '../modules/payments/routes.ts';
import { regionPaymentRoutes } from '../modules/payments/region-routes.ts';
import { personPaymentRoutes } from '../modules/payments/person-payment-routes.ts';
import { employerPaymentRoutes } from '../modules/payments/employer-payment-routes.ts';
import { policyRoutes } from '../modules/policy/routes.ts';
import { statementRoutes } from '../modules/statements/routes.ts';
import { registrationRoutes } from '../modules/registration/routes.ts';
import { rightsRecordRoutes } from '../modules/rights-record/routes.ts';
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
  collectionJobRoutes,
  paymentRoutes,
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
