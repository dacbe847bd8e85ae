import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import type { PolicyService } from '../policy/index.ts';
import { cancelClaim } from './cancel-claim.ts';
import { createClaimBatcher } from './claim-batcher.ts';
import { claimViews } from './claim-views.ts';
import type { ClaimView } from './claims.schemas.ts';
import { selectClaimByNo, selectClaims, type ClaimFilter } from './claims.repository.ts';
import { selectInstitutionsById } from './institutions.repository.ts';
import { enrolResident, residentEnrolments } from './enrol-resident.ts';
import {
  changeAgreementStanding,
  getInstitution,
  listInstitutions,
  registerInstitution,
  signAgreement,
} from './institutions.ts';
import type { MedicalDeps } from './medical-deps.ts';
import { readMedicalAccount } from './read-medical-account.ts';
import { creditRetireeAccounts } from './credit-retiree-accounts.ts';
import {
  applyFinding,
  listFindings,
  prepareFinding,
  recordProposedFinding,
  rejectFinding,
  toFindingView,
  type FindingView,
} from './findings.ts';
import { selectFindingByApproval, selectFindingByNo } from './findings.repository.ts';
import { clearReview, listReviews, regionOfFlag } from './reviews.ts';
import { scanClaims } from './scan-claims.ts';
import { settleInstitutionsMonth, toStatementView, type StatementView } from './settle-institutions-month.ts';
import { selectStatementsOfInstitution, selectStatementsOfPeriod } from './statements.repository.ts';
import type { ClaimOutcome, ClaimSubmission } from './settle-claims.ts';
import { selectYearTotalsDrift } from './year-totals.repository.ts';

/** The medical module's use cases bound to the database, the clock and the policy (docs/RULES.md 16.1-16.6). */
export function createMedicalService(db: Kysely<Database>, clock: Clock, policy: PolicyService) {
  const deps: MedicalDeps = { db, clock, policy };
  const batcher = createClaimBatcher(deps);
  return {
    registerInstitution: registerInstitution.bind(null, deps),
    signAgreement: signAgreement.bind(null, deps),
    changeAgreementStanding: changeAgreementStanding.bind(null, deps),
    getInstitution: getInstitution.bind(null, deps),
    listInstitutions: listInstitutions.bind(null, deps),
    /** Settles a claim in real time, in the next batch of claims (claim-batcher.ts). */
    settleClaim: (submission: ClaimSubmission): Promise<ClaimOutcome> => batcher.submit(submission),
    cancelClaim: cancelClaim.bind(null, deps),
    async listClaims(filter: ClaimFilter): Promise<ClaimView[]> {
      const rows = await selectClaims(db, filter);
      const views = await claimViews(
        db,
        rows.map((row) => Number(row.id)),
      );
      return rows.map((row) => views.get(Number(row.id))!);
    },
    async getClaimByNo(claimNo: string): Promise<ClaimView | undefined> {
      const claim = await selectClaimByNo(db, claimNo);
      return claim ? (await claimViews(db, [Number(claim.id)])).get(Number(claim.id)) : undefined;
    },
    enrolResident: enrolResident.bind(null, deps),
    residentEnrolments: residentEnrolments.bind(null, deps),
    readMedicalAccount: readMedicalAccount.bind(null, deps),
    /** Person-years whose totals differ from the sum of their standing claims (none, when all is well). */
    yearTotalsDrift: () => selectYearTotalsDrift(db),
    drain: () => batcher.drain(),
    settleInstitutionsMonth: settleInstitutionsMonth.bind(null, deps),
    async statementsOfPeriod(regionPrefix: string, period: string): Promise<StatementView[]> {
      return (await selectStatementsOfPeriod(db, regionPrefix, period)).map(toStatementView);
    },
    async statementsOfInstitution(institutionId: number, limit: number): Promise<StatementView[]> {
      return (await selectStatementsOfInstitution(db, institutionId, limit)).map(toStatementView);
    },
    creditRetireeAccounts: creditRetireeAccounts.bind(null, deps),
    scanClaims: scanClaims.bind(null, deps),
    listReviews: listReviews.bind(null, deps),
    clearReview: clearReview.bind(null, deps),
    regionOfFlag: regionOfFlag.bind(null, deps),
    prepareFinding: prepareFinding.bind(null, deps),
    recordProposedFinding: recordProposedFinding.bind(null, deps),
    applyFinding: applyFinding.bind(null, deps),
    rejectFinding: rejectFinding.bind(null, deps),
    listFindings: listFindings.bind(null, deps),
    async getFindingOfApproval(approvalId: number): Promise<FindingView | undefined> {
      const row = await selectFindingByApproval(db, approvalId);
      return row ? toFindingView(row) : undefined;
    },
    async getFinding(findingNo: string): Promise<FindingView | undefined> {
      const row = await selectFindingByNo(db, findingNo);
      return row ? toFindingView(row) : undefined;
    },
    /** For the access check: the region of an institution, and the institution of a claim. */
    async institutionRegion(institutionId: number): Promise<string | undefined> {
      const [row] = await selectInstitutionsById(db, [institutionId]);
      return row?.region_code;
    },
    async institutionOfClaim(claimNo: string): Promise<number | undefined> {
      const claim = await selectClaimByNo(db, claimNo);
      return claim ? Number(claim.institution_id) : undefined;
    },
  };
}

export type MedicalService = ReturnType<typeof createMedicalService>;
