import { accessLogRoutes } from '../modules/access-log/access-log.routes.ts';
import { approvalRoutes } from '../modules/approvals/approvals.routes.ts';
import { arrearsRoutes } from '../modules/arrears/arrears.routes.ts';
import { apiTokenRoutes } from '../modules/auth/api-tokens.routes.ts';
import { sessionRoutes } from '../modules/auth/sessions.routes.ts';
import { userRoutes } from '../modules/auth/users.routes.ts';
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
import { baseRoutes } from '../modules/registration/bases.routes.ts';
import { declarationRoutes } from '../modules/registration/declarations.routes.ts';
import { employerRoutes } from '../modules/registration/employers.routes.ts';
import { employmentRoutes } from '../modules/registration/employments.routes.ts';
import { flexibleEnrolmentRoutes } from '../modules/registration/flexible-enrolments.routes.ts';
import { personRoutes } from '../modules/registration/persons.routes.ts';
import { rightsRecordRoutes } from '../modules/rights-record/rights-record.routes.ts';
import type { RoutePlugin } from './api-server.ts';
import { problemTypeRoutes } from './problem-types.ts';

import { applicationReviewRoutes } from '../modules/benefits/application-review.routes.ts';
import { applicationRoutes } from '../modules/benefits/applications.routes.ts';
import { awardRoutes, unemploymentStopRoutes } from '../modules/benefits/awards.routes.ts';
import { documentRoutes } from '../modules/benefits/documents.routes.ts';
import { payrollRoutes } from '../modules/payroll/payroll.routes.ts';
import { advancesRoutes } from '../modules/payroll/advances.routes.ts';
import { deathReportRoutes } from '../modules/survival/death-reports.routes.ts';
import { survivalRoutes } from '../modules/survival/survival.routes.ts';
import { awardCorrectionRoutes } from '../modules/benefits/award-corrections.routes.ts';
import { workInjuryRoutes } from '../modules/benefits/work-injury.routes.ts';
import { claimRoutes } from '../modules/benefits/claims.routes.ts';
import { recordCorrectionRoutes } from '../modules/benefits/record-correction.routes.ts';
import { forecastRoutes } from '../modules/benefits/forecast.routes.ts';
import { invitationRunRoutes } from '../modules/benefits/invitation-runs.routes.ts';
import { pensionAdjustmentRoutes } from '../modules/pension-adjustments/pension-adjustments.routes.ts';
import { institutionRoutes } from '../modules/medical/institutions.routes.ts';
import { medicalClaimRoutes } from '../modules/medical/claims.routes.ts';
import { medicalAccountRoutes } from '../modules/medical/medical-account.routes.ts';
import { medicalSettlementRoutes } from '../modules/medical/settlements.routes.ts';
import { medicalSupervisionRoutes } from '../modules/medical/supervision.routes.ts';
import { cardRoutes } from '../modules/cards/cards.routes.ts';
import { cardProductionRoutes } from '../modules/cards/card-production.routes.ts';
import { eCardRoutes } from '../modules/cards/e-cards.routes.ts';
import { noticeRoutes } from '../modules/notifications/notices.routes.ts';
import { noticeRunRoutes } from '../modules/notifications/notice-runs.routes.ts';
/** Every module's routes, in the order they appear in the OpenAPI document. */
export const apiRoutePlugins: readonly RoutePlugin[] = [
  sessionRoutes,
  userRoutes,
  apiTokenRoutes,
  employerRoutes,
  personRoutes,
  employmentRoutes,
  baseRoutes,
  declarationRoutes,
  flexibleEnrolmentRoutes,
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
  applicationRoutes,
  applicationReviewRoutes,
  workInjuryRoutes,
  claimRoutes,
  recordCorrectionRoutes,
  documentRoutes,
  awardRoutes,
  unemploymentStopRoutes,
  payrollRoutes,
  advancesRoutes,
  survivalRoutes,
  deathReportRoutes,
  awardCorrectionRoutes,
  forecastRoutes,
  invitationRunRoutes,
  pensionAdjustmentRoutes,
  institutionRoutes,
  medicalClaimRoutes,
  medicalAccountRoutes,
  medicalSettlementRoutes,
  medicalSupervisionRoutes,
  cardRoutes,
  cardProductionRoutes,
  eCardRoutes,
  noticeRoutes,
  noticeRunRoutes,
  problemTypeRoutes,
];
