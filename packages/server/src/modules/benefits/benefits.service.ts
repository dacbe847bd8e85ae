import type { Kysely } from 'kysely';
import type { ApplicationState, Database } from '../../db/index.ts';
import { moveInjuryAllowanceToPension } from './injury-allowance-at-retirement.ts';
import {
  recordStoppagePeriod,
  stoppagePeriodViews,
  type StoppagePeriodView,
} from './record-stoppage-period.ts';
import { addDocument, readDocument, type NewDocument } from './add-document.ts';
import {
  selectApplication,
  selectEmployerApplications,
  selectPersonApplications,
  selectQueue,
} from './applications.repository.ts';
import type { ApplicationView, AwardView, DecisionReason } from './applications.schemas.ts';
import { assessPensionApplication, type PensionAssessment } from './assess-pension-application.ts';
import type { Actor, BenefitsDeps } from './benefits-deps.ts';
import { fileApplication, type FileApplicationInput, type PersonLookup } from './file-application.ts';
import { markAwardProposed, returnToReview } from './mark-proposed.ts';
import { getApplication, viewsOf } from './read-application.ts';
import {
  checkAwardProposal,
  listPersonAwards,
  recordAward,
  toAwardView,
  type AwardPayload,
} from './record-award.ts';
import { refuseApplication, withdrawApplication } from './refuse-application.ts';
import { recordMaterialReceived, requestMaterial } from './request-material.ts';
import { regionCodePrefix } from '@shebao/domain';
import {
  checkAwardCorrection,
  recordAwardCorrection,
  requireLatestAward,
  type AwardChange,
  type AwardCorrectionPayload,
} from './correct-award.ts';
import { forecastPersonPension } from './forecast-person-pension.ts';
import { identifyInjury, markClearCase } from './identify-injury.ts';
import { assessClaim, type ClaimAssessment, type ClaimContext } from './assess-claim.ts';
import {
  appraisalViews,
  recordAppraisal,
  requestReappraisal,
  type AppraisalView,
} from './record-appraisal.ts';
import { readRecordInputs } from './pension-inputs.ts';
import { correctionOf } from './read-correction.ts';
import {
  grantCorrection,
  recordCorrectionAdjustments,
  recordCorrectionProposed,
  rejectCorrection,
  requireCorrectable,
} from './record-correction.ts';
import type {
  CorrectionAdjustment,
  RecordCorrectionPayload,
  RecordCorrectionView,
} from './record-correction.schemas.ts';
import type { ForecastQuery, ForecastReply } from './forecast.schemas.ts';
import {
  listInvitations,
  personsClaimingPension,
  storeInvitations,
  type NewInvitation,
} from './invitations.ts';
import type { InvitationView } from './invitations.schemas.ts';
import {
  listPensionsInPayment,
  recordAdjustedVersions,
  type AdjustedVersion,
  type PensionInPayment,
} from './pensions-in-payment.ts';

/** The benefit side's applications and awards, as the app holds them (app.benefits). */
export interface BenefitsService {
  file(input: FileApplicationInput, actor: Actor): Promise<ApplicationView>;
  /** One application; inside a transaction, read through it (`db`). */
  get(applicationId: number, db?: Kysely<Database>): Promise<ApplicationView>;
  /** Whose application it is, for the access check; undefined when there is no such application. */
  ownerOf(applicationId: number): Promise<{ personId: number; regionCode: string } | undefined>;
  listForPerson(personId: number): Promise<ApplicationView[]>;
  /** The applications an employer filed for its employees, newest first (docs/RULES.md 14.1). */
  listForEmployer(query: {
    employerId: number;
    beforeId?: number;
    limit: number;
  }): Promise<ApplicationView[]>;
  /** A region's applications in the given states, by id from a cursor, with their clocks. */
  queue(query: {
    regionCode: string;
    states: readonly ApplicationState[];
    afterId?: number;
    limit: number;
  }): Promise<ApplicationView[]>;
  addDocument(applicationId: number, document: NewDocument, actor: Actor): Promise<ApplicationView>;
  readDocument(
    applicationId: number,
    documentId: number,
  ): Promise<{ bytes: Buffer; mediaType: string; fileName: string }>;
  requestMaterial(applicationId: number, note: string, actor: Actor): Promise<ApplicationView>;
  recordMaterialReceived(applicationId: number, note: string, actor: Actor): Promise<ApplicationView>;
  refuse(applicationId: number, reasons: DecisionReason[], actor: Actor): Promise<ApplicationView>;
  withdraw(applicationId: number, actor: Actor): Promise<ApplicationView>;
  assessPension(applicationId: number, deemedMonths?: number): Promise<PensionAssessment>;
  awardsOf(personId: number): Promise<AwardView[]>;
  /** The steps of an award's approval (workflows/award-benefit.ts). */
  checkAwardProposal(payload: unknown, db: Kysely<Database>): Promise<AwardPayload>;
  markAwardProposed(applicationId: number, approvalId: number, actor: Actor): Promise<void>;
  returnToReview(applicationId: number, actor: Actor, trx: Kysely<Database>): Promise<void>;
  recordAward(
    trx: Kysely<Database>,
    payload: AwardPayload,
    who: { proposedBy: string; approvedBy: string; approvalId: number },
  ): Promise<{ awardNo: string; version: number; laterVersions: number[] }>;
  /** Grades 1–4 at retirement: the injury awards' next versions from the pension's first month (15.5). */
  moveInjuryAllowanceToPension(
    trx: Kysely<Database>,
    input: { personId: number; pensionFrom: string; pensionMonthlyFen: number },
    who: { proposedBy: string; approvedBy: string; approvalId: number },
  ): Promise<AwardChange[]>;
  /** The latest version of a person's award (NOT_FOUND when it is not theirs). */
  latestAward(personId: number, awardNo: string): Promise<AwardView>;
  /** The steps of an award correction's approval (workflows/correct-award.ts; docs/RULES.md 14.12). */
  checkAwardCorrection(payload: unknown, db: Kysely<Database>): Promise<AwardCorrectionPayload>;
  recordAwardCorrection(
    trx: Kysely<Database>,
    payload: AwardCorrectionPayload,
    who: { proposedBy: string; approvedBy: string; approvalId: number },
  ): Promise<AwardChange>;
  /** A page of a region's pensions as paid now (the yearly adjustment's input; docs/RULES.md 14.11). */
  pensionsInPayment(
    db: Kysely<Database>,
    query: { regionCode: string; afterAwardNo: string; limit: number },
  ): Promise<PensionInPayment[]>;
  recordAdjustedVersions(
    trx: Kysely<Database>,
    versions: readonly AdjustedVersion[],
    who: { proposedBy: string; approvedBy: string; approvalId: number },
  ): Promise<void>;
  /** A what-if on the person's own record (docs/RULES.md 14.8, 14.13). */
  forecast(personId: number, query: ForecastQuery): Promise<ForecastReply>;
  invitationsOf(personId: number): Promise<InvitationView[]>;
  /** The steps of the invitations run (workflows/invite-to-claim.ts; docs/RULES.md 14.13). */
  personsClaimingPension(db: Kysely<Database>, personIds: readonly number[]): Promise<Set<number>>;
  storeInvitations(db: Kysely<Database>, rows: readonly NewInvitation[]): Promise<NewInvitation[]>;
  /** Months of the person's record paid in full with a pension base (docs/RULES.md 4.14). */
  paidPensionMonths(personId: number): Promise<number>;
  /** The steps of granting a correction of the record (workflows/correct-record.ts; docs/RULES.md 14.19). */
  requireCorrectable(
    applicationId: number,
    db?: Kysely<Database>,
  ): Promise<{ applicationNo: string; personId: number; regionCode: string; periods: string[] }>;
  recordCorrectionProposed(
    trx: Kysely<Database>,
    payload: RecordCorrectionPayload,
    who: { proposedBy: string; approvalId: number },
  ): Promise<void>;
  grantCorrection(
    trx: Kysely<Database>,
    payload: RecordCorrectionPayload,
    who: { proposedBy: string; approvedBy: string; approvalId: number },
  ): Promise<void>;
  rejectCorrection(
    trx: Kysely<Database>,
    payload: RecordCorrectionPayload,
    who: { rejectedBy: string; approvalId: number },
  ): Promise<void>;
  correctionOf(applicationId: number): Promise<RecordCorrectionView | null>;
  recordCorrectionAdjustments(
    applicationId: number,
    adjustments: readonly CorrectionAdjustment[],
  ): Promise<void>;
  /** Work injury (docs/RULES.md 15.15, 15.16): a clear case, the identification, the appraisals. */
  markClearCase(applicationId: number, actor: Actor): Promise<ApplicationView>;
  /** A claim of injury benefits, unemployment or maternity worked out (workflows/assess-benefit-claim.ts). */
  assessClaim(applicationId: number, context: ClaimContext): Promise<ClaimAssessment>;
  identifyInjury(applicationId: number, input: unknown, actor: Actor): Promise<ApplicationView>;
  appraisals(applicationId: number): Promise<AppraisalView[]>;
  recordAppraisal(applicationId: number, input: unknown, actor: Actor): Promise<AppraisalView[]>;
  /** The stoppage period with pay and its extensions (docs/RULES.md 15.23). */
  stoppagePeriods(applicationId: number): Promise<StoppagePeriodView[]>;
  recordStoppagePeriod(applicationId: number, input: unknown, actor: Actor): Promise<StoppagePeriodView[]>;
  requestReappraisal(applicationId: number, note: string, actor: Actor): Promise<AppraisalView[]>;
}

export function createBenefitsService(deps: BenefitsDeps, persons: PersonLookup): BenefitsService {
  return {
    file: (input, actor) => fileApplication(deps, persons, input, actor),
    get: (id, db) => getApplication(db ? { ...deps, db } : deps, id),
    ownerOf: async (id) => {
      const row = await selectApplication(deps.db, id);
      return row ? { personId: row.person_id, regionCode: row.region_code } : undefined;
    },
    listForPerson: async (personId) => viewsOf(deps, await selectPersonApplications(deps.db, personId)),
    listForEmployer: async (query) => viewsOf(deps, await selectEmployerApplications(deps.db, query)),
    queue: async ({ regionCode, ...query }) =>
      viewsOf(deps, await selectQueue(deps.db, { regionPrefix: regionCodePrefix(regionCode), ...query })),
    addDocument: (id, document, actor) => addDocument(deps, id, document, actor),
    readDocument: (id, documentId) => readDocument(deps, id, documentId),
    requestMaterial: (id, note, actor) => requestMaterial(deps, id, note, actor),
    recordMaterialReceived: (id, note, actor) => recordMaterialReceived(deps, id, note, actor),
    refuse: (id, reasons, actor) => refuseApplication(deps, id, { reasons }, actor),
    withdraw: (id, actor) => withdrawApplication(deps, id, actor),
    assessPension: (id, deemedMonths) => assessPensionApplication(deps, persons, id, deemedMonths),
    awardsOf: (personId) => listPersonAwards(deps, personId),
    checkAwardProposal: (payload, db) => checkAwardProposal({ ...deps, db }, payload),
    markAwardProposed: (id, approvalId, actor) => markAwardProposed(deps, id, approvalId, actor),
    returnToReview: (id, actor, trx) => returnToReview(deps, id, actor, trx),
    recordAward: (trx, payload, who) => recordAward(deps, trx, payload, who),
    latestAward: async (personId, awardNo) =>
      toAwardView(await requireLatestAward(deps.db, personId, awardNo)),
    checkAwardCorrection: async (payload, db) => (await checkAwardCorrection(db, payload)).payload,
    recordAwardCorrection: (trx, payload, who) => recordAwardCorrection(deps, trx, payload, who),
    moveInjuryAllowanceToPension: (trx, input, who) => moveInjuryAllowanceToPension(deps, trx, input, who),
    pensionsInPayment: (db, query) => listPensionsInPayment(db, query),
    recordAdjustedVersions: (trx, versions, who) => recordAdjustedVersions(deps, trx, versions, who),
    forecast: (personId, query) => forecastPersonPension(deps, persons, personId, query),
    invitationsOf: (personId) => listInvitations(deps, personId),
    personsClaimingPension: (db, personIds) => personsClaimingPension(db, personIds),
    storeInvitations: (db, rows) => storeInvitations(db, rows),
    paidPensionMonths: async (personId) => (await readRecordInputs(deps, personId)).months.length,
    requireCorrectable: async (id, db) => {
      const row = await requireCorrectable(db ? { ...deps, db } : deps, id);
      const facts = JSON.parse(row.facts) as { periods?: string[] };
      return {
        applicationNo: row.application_no,
        personId: row.person_id,
        regionCode: row.region_code,
        periods: facts.periods ?? [],
      };
    },
    recordCorrectionProposed: (trx, payload, who) => recordCorrectionProposed(deps, trx, payload, who),
    grantCorrection: (trx, payload, who) => grantCorrection(deps, trx, payload, who),
    rejectCorrection: (trx, payload, who) => rejectCorrection(deps, trx, payload, who),
    correctionOf: (id) => correctionOf(deps.db, id),
    recordCorrectionAdjustments: (id, adjustments) => recordCorrectionAdjustments(deps, id, adjustments),
    markClearCase: (id, actor) => markClearCase(deps, id, actor),
    assessClaim: (id, context) => assessClaim(deps, persons, id, context),
    identifyInjury: (id, input, actor) => identifyInjury(deps, id, input, persons, actor),
    appraisals: (id) => appraisalViews(deps, id),
    recordAppraisal: (id, input, actor) => recordAppraisal(deps, id, input, actor),
    requestReappraisal: (id, note, actor) => requestReappraisal(deps, id, note, actor),
    stoppagePeriods: (id) => stoppagePeriodViews(deps, id),
    recordStoppagePeriod: (id, input, actor) => recordStoppagePeriod(deps, id, input, actor),
  };
}
