import { checkYearlyAdjustmentPolicy, periodYear, type YearlyAdjustmentPolicy } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { adjustmentPolicyPayload, type AdjustmentPolicyPayload } from './pension-adjustments.schemas.ts';
import { insertPolicy, selectYearVersions } from './policies.repository.ts';
import { hasAdjusted } from './history.repository.ts';

/** The domain's policy from a proposal (docs/RULES.md 14.11). */
export function domainPolicy(payload: AdjustmentPolicyPayload): YearlyAdjustmentPolicy {
  return {
    effectiveMonth: payload.effectiveMonth,
    publishedOn: payload.publishedOn,
    startedBy: payload.startedBy,
    percentPpm: payload.percentPpm,
    fixedFen: payload.fixedFen,
    perYearFen: payload.perYearFen,
    yearCounting: payload.yearCounting,
    ageTilt: payload.ageTilt,
    rounding: payload.rounding,
    source: payload.source,
  };
}

/**
 * Checks a proposed policy before anyone is asked to approve it: the domain's checks (each naming its
 * field), the effective month in the policy's year, and no version of the year applied already (a notice
 * corrected after pensions were adjusted is a correction of those awards, not a new version).
 */
export async function checkPolicyProposal(
  db: Kysely<Database>,
  payload: unknown,
): Promise<AdjustmentPolicyPayload> {
  const parsed = adjustmentPolicyPayload.safeParse(payload);
  if (!parsed.success)
    throw new AppError(ErrorCode.VALIDATION, 'payload: is not a pension adjustment policy');
  const policy = parsed.data;
  try {
    checkYearlyAdjustmentPolicy(domainPolicy(policy));
  } catch (error) {
    if (error instanceof RangeError) {
      const field = error.message.split(':')[0]!;
      throw new AppError(ErrorCode.VALIDATION, error.message, { field });
    }
    throw error;
  }
  if (periodYear(policy.effectiveMonth) !== policy.year)
    throw new AppError(ErrorCode.VALIDATION, `effectiveMonth: must be in ${policy.year}`, {
      field: 'effectiveMonth',
    });
  await refuseWhenYearApplied(db, policy.regionCode, policy.year);
  return policy;
}

export async function refuseWhenYearApplied(
  db: Kysely<Database>,
  regionCode: string,
  year: number,
): Promise<void> {
  const versions = await selectYearVersions(db, regionCode, year);
  for (const version of versions) {
    if (await hasAdjusted(db, Number(version.id)))
      throw new AppError(
        ErrorCode.CONFLICT,
        `year: the ${year} adjustment of ${regionCode} (version ${version.version}) has been applied already`,
        { field: 'year', detailCode: 'adjustment-applied' },
      );
  }
}

/** Records an approved policy as the next version of its region and year, in the approval's transaction. */
export async function recordPolicy(
  clock: Clock,
  trx: Kysely<Database>,
  payload: AdjustmentPolicyPayload,
  who: { proposedBy: string; approvedBy: string; approvalId: number },
): Promise<{ policyId: number; version: number }> {
  const policy = await checkPolicyProposal(trx, payload);
  const latest = (await selectYearVersions(trx, policy.regionCode, policy.year))[0];
  const version = (latest?.version ?? 0) + 1;
  const policyId = await insertPolicy(trx, {
    region_code: policy.regionCode,
    year: policy.year,
    version,
    effective_from: policy.effectiveMonth,
    published_on: policy.publishedOn,
    started_by: policy.startedBy,
    parameters: JSON.stringify({
      percentPpm: policy.percentPpm,
      fixedFen: policy.fixedFen,
      perYearFen: policy.perYearFen,
      yearCounting: policy.yearCounting,
      ageTilt: policy.ageTilt,
      rounding: policy.rounding,
    }),
    source: policy.source,
    proposed_by: who.proposedBy,
    approved_by: who.approvedBy,
    approval_id: who.approvalId,
    recorded_at: clock.now().toISOString(),
  });
  return { policyId, version };
}
