import { verifiedThrough, type BusinessDate } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database, DeathReportState } from '../../db/index.ts';
import {
  checkDeathReport,
  confirmDeathReport,
  recordProposedReport,
  rejectDeathReport,
  type ConfirmedDeath,
} from './death-report-steps.ts';
import { selectReportOfApproval } from './death-reports.repository.ts';
import type {
  DeathReportDetails,
  DeathReportInput,
  DeathReportPayload,
  DeathReportView,
} from './death-reports.schemas.ts';
import { selectAwardVerificationDays } from './due-list.repository.ts';
import { listDue } from './list-due.ts';
import { prepareDeathReport } from './prepare-death-report.ts';
import {
  getProposedReport,
  listPersonReports,
  listRegionReports,
  toDeathReportView,
} from './read-death-reports.ts';
import { recordSelfVerification, recordStaffVerification } from './record-verification.ts';
import { standingOf, verifiedThroughOf } from './standing.ts';
import type { DueItem, StaffVerificationInput, StandingReply } from './survival.schemas.ts';
import type { Recorder, SurvivalDeps } from './survival-deps.ts';

/** Survival verification and death reports, as the app holds them (app.survival; docs/RULES.md 14.9, 14.10). */
export interface SurvivalService {
  /** Staff record a verification made at the counter, on a visit, through a consulate or by a data match. */
  recordVerification(
    personId: number,
    input: StaffVerificationInput,
    recorder: Recorder,
  ): Promise<StandingReply & { created: boolean }>;
  /** The pensioner verifies through their own session (face recognition in the agency's app). */
  verifySelf(personId: number, recorder: Recorder): Promise<StandingReply & { created: boolean }>;
  /** The person's standing on a day (today by default) and their verifications. */
  standingOf(personId: number, asOf?: BusinessDate): Promise<StandingReply>;
  /** The last month the payroll may pay, by award number or person. */
  verifiedThrough(
    ref: { awardNo: string } | { personId: number },
  ): Promise<{ awardNo: string; personId: number; verifiedThrough: string }>;
  /** The same for many awards at once, in one query (for the payroll's chunks). */
  verifiedThroughOfAwards(
    awards: readonly { awardNo: string; firstPaymentMonth: string }[],
  ): Promise<Map<string, string>>;
  /** A page of the region's pensioners due or overdue. */
  listDue(query: {
    regionCode: string;
    asOf: BusinessDate;
    afterAwardId?: number;
    limit: number;
  }): Promise<{ items: (DueItem & { awardId: number })[]; more: boolean }>;
  /** Death reports: prepared for the proposal (checks, one-time benefits), then the approval's steps. */
  prepareDeathReport(
    personId: number,
    input: DeathReportInput,
  ): Promise<{ payload: DeathReportPayload; details: DeathReportDetails }>;
  checkDeathReport(payload: unknown, db: Kysely<Database>): Promise<DeathReportPayload>;
  recordProposedReport(
    trx: Kysely<Database>,
    payload: DeathReportPayload,
    who: { proposedBy: string; approvalId: number },
    details: unknown,
  ): Promise<void>;
  confirmDeathReport(
    trx: Kysely<Database>,
    who: { approvedBy: string; approvalId: number },
  ): Promise<ConfirmedDeath>;
  rejectDeathReport(trx: Kysely<Database>, who: { rejectedBy: string; approvalId: number }): Promise<void>;
  reportOfApproval(approvalId: number): Promise<DeathReportView | undefined>;
  proposedReportOf(personId: number): Promise<{ id: number; approvalId: number }>;
  listPersonReports(personId: number): Promise<DeathReportView[]>;
  listRegionReports(query: {
    regionCode: string;
    state: DeathReportState;
    afterId?: number;
    limit: number;
  }): Promise<DeathReportView[]>;
}

export function createSurvivalService(deps: SurvivalDeps): SurvivalService {
  const now = () => deps.clock.now().toISOString();
  return {
    recordVerification: (personId, input, recorder) =>
      recordStaffVerification(deps, personId, input, recorder),
    verifySelf: (personId, recorder) => recordSelfVerification(deps, personId, recorder),
    standingOf: (personId, asOf) => standingOf(deps, personId, asOf),
    verifiedThrough: (ref) => verifiedThroughOf(deps, ref),
    verifiedThroughOfAwards: async (awards) => {
      const days = await selectAwardVerificationDays(
        deps.db,
        awards.map((award) => award.awardNo),
      );
      return new Map(
        awards.map((award) => [
          award.awardNo,
          verifiedThrough(
            award.firstPaymentMonth,
            (days.get(award.awardNo) ?? []).map((on) => ({ on, method: 'counter' as const })),
          ),
        ]),
      );
    },
    listDue: (query) => listDue(deps, query),
    prepareDeathReport: (personId, input) => prepareDeathReport(deps, personId, input),
    checkDeathReport: (payload, db) => checkDeathReport(db, payload),
    recordProposedReport: (trx, payload, who, details) =>
      recordProposedReport(trx, payload, details, who, now()),
    confirmDeathReport: (trx, who) => confirmDeathReport(trx, who, now()),
    rejectDeathReport: (trx, who) => rejectDeathReport(trx, who, now()),
    reportOfApproval: async (approvalId) => {
      const row = await selectReportOfApproval(deps.db, approvalId);
      if (!row) return undefined;
      const person = await deps.persons.getPerson(Number(row.person_id));
      return toDeathReportView({ ...row, name: person.name, id_number: person.idNumber });
    },
    proposedReportOf: (personId) => getProposedReport(deps.db, personId),
    listPersonReports: (personId) => listPersonReports(deps, personId),
    listRegionReports: (query) => listRegionReports(deps, query),
  };
}
