import type { Insertable, Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database, PensionAdjustmentHistoryTable } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import {
  hasAdjusted,
  insertHistory,
  selectAdjustedAwardNos,
  selectAwardHistory,
  selectPolicyChanges,
  type HistoryRow,
} from './history.repository.ts';
import type {
  AdjustmentChange,
  AdjustmentPolicyPayload,
  AdjustmentPolicyView,
} from './pension-adjustments.schemas.ts';
import {
  selectPolicy,
  selectRegionPolicies,
  selectYearVersions,
  type PolicyRow,
} from './policies.repository.ts';
import { checkPolicyProposal, recordPolicy } from './record-policy.ts';

export type NewHistoryRow = Insertable<PensionAdjustmentHistoryTable>;

/** The yearly adjustments of pensions in payment (docs/RULES.md 14.11), as the app holds them. */
export interface PensionAdjustmentsService {
  checkProposal(payload: unknown, db: Kysely<Database>): Promise<AdjustmentPolicyPayload>;
  recordPolicy(
    trx: Kysely<Database>,
    payload: AdjustmentPolicyPayload,
    who: { proposedBy: string; approvedBy: string; approvalId: number },
  ): Promise<{ policyId: number; version: number }>;
  /** A policy of the region named (NOT_FOUND for another region's: least knowledge). */
  get(regionCode: string, policyId: number, db?: Kysely<Database>): Promise<AdjustmentPolicyView>;
  list(regionCode: string): Promise<AdjustmentPolicyView[]>;
  /** Every version of the policy's year, the latest first, and whether it has adjusted awards. */
  yearVersions(policy: AdjustmentPolicyView): Promise<{ id: number; version: number; applied: boolean }[]>;
  /** Of the awards named, those a version of the policy's year has adjusted. */
  adjustedAlready(
    db: Kysely<Database>,
    policy: AdjustmentPolicyView,
    awardNos: readonly string[],
  ): Promise<Set<string>>;
  recordHistory(trx: Kysely<Database>, rows: readonly NewHistoryRow[]): Promise<void>;
  /** What a policy of the region named did to each award, by id from a cursor. */
  changes(
    regionCode: string,
    policyId: number,
    page: { afterId: number; limit: number },
  ): Promise<AdjustmentChange[]>;
  /** Every adjustment of the awards named (a person's page). */
  historyOf(awardNos: readonly string[]): Promise<AdjustmentChange[]>;
}

function toView(row: PolicyRow, adjustedAwards: number): AdjustmentPolicyView {
  const parameters = JSON.parse(row.parameters) as Pick<
    AdjustmentPolicyView,
    'percentPpm' | 'fixedFen' | 'perYearFen' | 'yearCounting' | 'ageTilt' | 'rounding'
  >;
  return {
    id: Number(row.id),
    regionCode: row.region_code,
    year: row.year,
    version: row.version,
    effectiveMonth: row.effective_from,
    publishedOn: row.published_on,
    startedBy: row.started_by,
    ...parameters,
    source: row.source,
    proposedBy: row.proposed_by,
    approvedBy: row.approved_by,
    approvalId: Number(row.approval_id),
    recordedAt: row.recorded_at,
    adjustedAwards,
  };
}

function toChange(row: HistoryRow): AdjustmentChange {
  return {
    id: Number(row.id),
    awardNo: row.award_no,
    awardVersion: row.award_version,
    fromPeriod: row.from_period,
    oldMonthlyFen: Number(row.before_fen),
    increaseFen: Number(row.increase_fen),
    newMonthlyFen: Number(row.after_fen),
    explanation: JSON.parse(row.explanation) as Record<string, unknown>,
    recordedAt: row.recorded_at,
  };
}

export function createPensionAdjustmentsService(
  db: Kysely<Database>,
  clock: Clock,
): PensionAdjustmentsService {
  async function get(regionCode: string, policyId: number, on: Kysely<Database> = db) {
    const row = await selectPolicy(on, policyId);
    if (!row || row.region_code !== regionCode)
      throw new AppError(
        ErrorCode.NOT_FOUND,
        `policyId: no pension adjustment ${policyId} in ${regionCode}`,
        {
          field: 'policyId',
        },
      );
    const counted = (await selectRegionPolicies(on, regionCode)).find(
      (policy) => Number(policy.id) === policyId,
    );
    return toView(row, Number(counted?.adjusted_awards ?? 0));
  }
  return {
    checkProposal: (payload, on) => checkPolicyProposal(on, payload),
    recordPolicy: (trx, payload, who) => recordPolicy(clock, trx, payload, who),
    get,
    list: async (regionCode) =>
      (await selectRegionPolicies(db, regionCode)).map((row) =>
        toView(row, Number(row.adjusted_awards ?? 0)),
      ),
    yearVersions: async (policy) => {
      const versions = await selectYearVersions(db, policy.regionCode, policy.year);
      const result: { id: number; version: number; applied: boolean }[] = [];
      for (const version of versions)
        result.push({
          id: Number(version.id),
          version: version.version,
          applied: await hasAdjusted(db, Number(version.id)),
        });
      return result;
    },
    adjustedAlready: async (on, policy, awardNos) => {
      const versions = await selectYearVersions(on, policy.regionCode, policy.year);
      return selectAdjustedAwardNos(
        on,
        versions.map((version) => Number(version.id)),
        awardNos,
      );
    },
    recordHistory: (trx, rows) => insertHistory(trx, rows),
    changes: async (regionCode, policyId, page) => {
      await get(regionCode, policyId);
      return (await selectPolicyChanges(db, { policyId, ...page })).map(toChange);
    },
    historyOf: async (awardNos) => (await selectAwardHistory(db, awardNos)).map(toChange),
  };
}
