import { regionCodePrefix } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertAwardVersions, selectFirstPensionsPage, selectLatestVersionsOf } from './awards.repository.ts';
import type { BenefitsDeps } from './benefits-deps.ts';

/** A pension award as it is paid now: its latest version, and what its first version counted. */
export interface PensionInPayment {
  awardNo: string;
  version: number;
  personId: number;
  regionCode: string;
  monthlyFen: number;
  /** The month the latest version is in force from. */
  validFrom: string;
  /** The month the pension started (its first version). */
  startMonth: string;
  /** Paid and deemed months the award counted; null when neither the column nor the explanation says. */
  contributionMonths: number | null;
}

/** The count an award recorded before migration 0022 kept only in its first version's explanation. */
function countedMonths(column: number | null, firstExplanation: string): number | null {
  if (column !== null) return column;
  const explanation = JSON.parse(firstExplanation) as {
    eligibility?: { inputs?: { contributionMonths?: string } };
  };
  const text = explanation.eligibility?.inputs?.contributionMonths;
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

/** A page of a region's pensions as paid now, by award number from a cursor (two queries). */
export async function listPensionsInPayment(
  db: Kysely<Database>,
  query: { regionCode: string; afterAwardNo: string; limit: number },
): Promise<PensionInPayment[]> {
  const firsts = await selectFirstPensionsPage(db, {
    regionPrefix: regionCodePrefix(query.regionCode),
    afterAwardNo: query.afterAwardNo,
    limit: query.limit,
  });
  const latest = new Map(
    (
      await selectLatestVersionsOf(
        db,
        firsts.map((first) => first.award_no),
      )
    ).map((row) => [row.award_no, row]),
  );
  return firsts.map((first) => {
    const row = latest.get(first.award_no)!;
    return {
      awardNo: row.award_no,
      version: row.version,
      personId: Number(row.person_id),
      regionCode: row.region_code,
      monthlyFen: Number(row.monthly_fen),
      validFrom: row.valid_from,
      startMonth: first.valid_from,
      contributionMonths: countedMonths(
        row.contribution_months ?? first.contribution_months,
        first.explanation,
      ),
    };
  });
}

/** A new version of a pension in payment, as a yearly adjustment writes it. */
export interface AdjustedVersion {
  awardNo: string;
  /** The version it follows: the award must still be at it, or nothing of the chunk is written. */
  afterVersion: number;
  monthlyFen: number;
  validFrom: string;
  explanation: Record<string, unknown>;
  reason: string;
}

/**
 * Writes the next version of each award named, in bulk (one statement per 500), copying what does not
 * change from the version it follows: the payee, the application, the contribution months. Refuses the
 * whole chunk when an award has moved on meanwhile, so the caller's transaction writes nothing.
 */
export async function recordAdjustedVersions(
  deps: BenefitsDeps,
  trx: Kysely<Database>,
  versions: readonly AdjustedVersion[],
  who: { proposedBy: string; approvedBy: string; approvalId: number },
): Promise<void> {
  if (versions.length === 0) return;
  const latest = new Map(
    (
      await selectLatestVersionsOf(
        trx,
        versions.map((version) => version.awardNo),
      )
    ).map((row) => [row.award_no, row]),
  );
  const recordedAt = deps.clock.now().toISOString();
  const rows = versions.map((version) => {
    const current = latest.get(version.awardNo);
    if (!current || current.version !== version.afterVersion)
      throw new AppError(
        ErrorCode.CONFLICT,
        `award ${version.awardNo} changed while it was being adjusted: run the adjustment again`,
        { field: 'awardNo', detailCode: 'award-version-changed' },
      );
    return {
      award_no: current.award_no,
      version: current.version + 1,
      application_id: current.application_id,
      person_id: current.person_id,
      region_code: current.region_code,
      kind: current.kind,
      monthly_fen: version.monthlyFen,
      valid_from: version.validFrom,
      payee_kind: current.payee_kind,
      payee_account: current.payee_account,
      contribution_months: current.contribution_months,
      // The parts that worked the amount out stay; the new parts (the adjustment) are added to them.
      explanation: JSON.stringify({
        ...(JSON.parse(current.explanation) as Record<string, unknown>),
        ...version.explanation,
      }),
      reason: version.reason,
      proposed_by: who.proposedBy,
      approved_by: who.approvedBy,
      approval_id: who.approvalId,
      recorded_at: recordedAt,
    };
  });
  await insertAwardVersions(trx, rows);
}
