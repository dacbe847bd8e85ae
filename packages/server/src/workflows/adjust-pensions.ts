import {
  adjustPension,
  dateToPeriod,
  formatFenAsYuan,
  monthsBetween,
  regionCodePrefix,
  type YearlyAdjustment,
} from '@shebao/domain';
import type { Clock } from '../app/clock.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { AppError, ErrorCode, fromZodError } from '../errors/index.ts';
import type { Approval, ApprovalService, ChangeApplier } from '../modules/approvals/index.ts';
import type { Principal } from '../modules/auth/index.ts';
import type { AwardChange, BenefitsService, AdjustedVersion } from '../modules/benefits/index.ts';
import {
  adjustmentPolicyInput,
  domainPolicy,
  type AdjustmentPolicyInput,
  type AdjustmentPolicyPayload,
  type AdjustmentPolicyView,
  type AdjustmentRunReply,
  type NewHistoryRow,
  type PensionAdjustmentsService,
} from '../modules/pension-adjustments/index.ts';
import { recordAwardVersions, stoppedPayments } from '../modules/payroll/index.ts';
import { selectBirthDates } from '../modules/registration/index.ts';

/*
 * The yearly adjustment of pensions in payment (docs/ARCHITECTURE.md, "Workflows"; docs/RULES.md 14.11):
 * staff propose the region's policy as its notice sets it (approvals), a second officer approves it, which
 * records the version (pension-adjustments); applying it writes, chunk by chunk, one transaction a chunk,
 * the next version of every pension in payment (benefits), its history (pension-adjustments) and the new
 * amount on the roll with the arrears of the months paid already at the old one (payroll).
 */

const APPROVERS = ['admin', 'benefits_officer'] as const;
const KIND = 'benefits.adjustPensions';
/** Awards a chunk: each chunk is one transaction, one page query, and a bulk insert per 500 rows. */
export const ADJUSTMENT_CHUNK = 1000;

type App = {
  benefits: BenefitsService;
  approvals: ApprovalService;
  pensionAdjustments: PensionAdjustmentsService;
  database: { db: Kysely<Database> };
  clock: Clock;
};

/** The policy's applier: benefits officers and administrators propose and approve. */
export function pensionAdjustmentApplier(
  adjustments: PensionAdjustmentsService,
): ChangeApplier<AdjustmentPolicyPayload> {
  return {
    roles: APPROVERS,
    check: async (payload, db) => {
      await adjustments.checkProposal(payload, db);
    },
    apply: (trx, payload, who) => adjustments.recordPolicy(trx, payload, who),
  };
}

/** Proposes a region's yearly adjustment; the same idempotency key proposes once. */
export async function proposePensionAdjustment(
  app: App,
  regionCode: string,
  input: AdjustmentPolicyInput,
  proposer: Principal,
  idempotencyKey?: string,
): Promise<{ approval: Approval; replayed: boolean }> {
  const parsed = adjustmentPolicyInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const payload: AdjustmentPolicyPayload = { ...parsed.data, regionCode };
  return app.approvals.proposeOnce(
    KIND,
    payload,
    {
      regionCode,
      summary: `Pension adjustment ${payload.year} for ${regionCode} from ${payload.effectiveMonth}: ${payload.percentPpm / 10_000}% + ${formatFenAsYuan(payload.fixedFen)} yuan + ${formatFenAsYuan(payload.perYearFen)} yuan a year (${payload.source})`,
    },
    proposer,
    idempotencyKey,
  );
}

/** The adjustments of the region named waiting for a second officer, oldest first. */
export async function listPensionAdjustmentProposals(app: App, regionCode: string): Promise<Approval[]> {
  const pending = await app.approvals.list({
    status: 'pending',
    limit: 200,
    regionPrefixes: [regionCodePrefix(regionCode)],
  });
  return pending.filter((approval) => approval.kind === KIND && approval.regionCode === regionCode);
}

/** A second officer's decision on a proposed adjustment of the region named. */
export async function decidePensionAdjustment(
  app: App,
  regionCode: string,
  approvalId: number,
  decision: { approve: boolean; note?: string },
  decider: Principal,
): Promise<Approval> {
  const approval = await app.approvals.get(approvalId).catch(() => undefined);
  if (!approval || approval.kind !== KIND || approval.regionCode !== regionCode)
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `approvalId: no proposed pension adjustment ${approvalId} in ${regionCode}`,
      {
        field: 'approvalId',
      },
    );
  return decision.approve
    ? app.approvals.approve(approvalId, decider, decision.note)
    : app.approvals.reject(approvalId, decider, decision.note);
}

/** The award version's own explanation of the adjustment: the total, each part's formula as an input. */
function adjustmentPart(policy: AdjustmentPolicyView, result: YearlyAdjustment): Record<string, unknown> {
  const { explanation } = result;
  return {
    rule: `Yearly adjustment ${policy.year} from ${policy.effectiveMonth}: a share of the pension, a fixed sum, a sum per contribution year and extra for the old, added to the pension in payment.`,
    formula: explanation.total.formula,
    inputs: {
      percent: explanation.percent.formula,
      fixed: explanation.fixed.formula,
      perYear: explanation.perYear.formula,
      ageTilt: explanation.ageTilt.formula,
      effectiveMonth: policy.effectiveMonth,
      publishedOn: policy.publishedOn,
    },
    sources: explanation.total.sources,
  };
}

/**
 * Applies an approved policy to every pension in payment in its region, one transaction per chunk of
 * awards: the next version of each from the effective month and its history row, both or neither. An
 * award the year's policy adjusted already is left alone, so a re-run (or a run killed half-way and
 * started again) changes nothing twice. The payroll pays the new amount from the next run and the
 * difference for every month it paid already from the effective month (a notice published late).
 * `onChunk` runs inside each chunk's transaction with the chunk's changes, for a caller that watches.
 */
export async function applyPensionAdjustment(
  app: App,
  regionCode: string,
  policyId: number,
  options: {
    chunkSize?: number;
    onChunk?: (trx: Kysely<Database>, changes: readonly AwardChange[]) => Promise<void>;
  } = {},
): Promise<AdjustmentRunReply> {
  const { db } = app.database;
  const policy = await app.pensionAdjustments.get(regionCode, policyId);
  // Only the year's latest version is applied, and only while no other version has been (docs/RULES.md 14.11).
  const versions = await app.pensionAdjustments.yearVersions(policy);
  const newer = versions.find((version) => version.version > policy.version);
  if (newer)
    throw new AppError(
      ErrorCode.CONFLICT,
      `policyId: version ${newer.version} of the ${policy.year} adjustment replaces this one; apply it instead`,
      { field: 'policyId', detailCode: 'adjustment-applied' },
    );
  const others = versions.filter((version) => version.id !== policy.id && version.applied);
  if (others.length > 0)
    throw new AppError(
      ErrorCode.CONFLICT,
      `policyId: version ${others.map((version) => version.version).join(', ')} of the ${policy.year} adjustment has been applied already`,
      { field: 'policyId', detailCode: 'adjustment-applied' },
    );
  const rules = domainPolicy({ ...policy, regionCode });
  const who = { proposedBy: policy.proposedBy, approvedBy: policy.approvedBy, approvalId: policy.approvalId };
  const reply: AdjustmentRunReply = {
    policyId,
    regionCode,
    adjusted: 0,
    alreadyAdjusted: 0,
    notEligible: 0,
    heldForReview: [],
    // Months already paid at the old amount when the notice came: the payroll owes them back.
    lateMonths: Math.max(0, monthsBetween(policy.effectiveMonth, dateToPeriod(policy.publishedOn))),
    arrearsMonths: 0,
  };
  let cursor = '';
  for (;;) {
    const page = await app.benefits.pensionsInPayment(db, {
      regionCode,
      afterAwardNo: cursor,
      limit: options.chunkSize ?? ADJUSTMENT_CHUNK,
    });
    if (page.length === 0) break;
    cursor = page.at(-1)!.awardNo;
    const done = await app.pensionAdjustments.adjustedAlready(
      db,
      policy,
      page.map((award) => award.awardNo),
    );
    const births = await selectBirthDates(db, [...new Set(page.map((award) => award.personId))]);
    const stopped = await stoppedPayments(
      db,
      page.map((award) => award.awardNo),
    );
    const versions: AdjustedVersion[] = [];
    const history: NewHistoryRow[] = [];
    const changes: AwardChange[] = [];
    const recordedAt = app.clock.now().toISOString();
    for (const award of page) {
      if (done.has(award.awardNo)) {
        reply.alreadyAdjusted += 1;
        continue;
      }
      // Started after the cut-off, or no longer paid by the effective month (the pensioner died before it).
      const stoppedAfter = stopped.get(award.awardNo);
      if (
        award.startMonth > policy.startedBy ||
        (stoppedAfter !== undefined && stoppedAfter < policy.effectiveMonth)
      ) {
        reply.notEligible += 1;
        continue;
      }
      // A version from after the effective month (a correction dated later) would be overtaken by the
      // adjustment's version for the months after it (docs/RULES.md 14.5): an officer corrects it instead.
      if (award.validFrom > policy.effectiveMonth) {
        reply.heldForReview.push({
          awardNo: award.awardNo,
          reason: `version ${award.version} starts in ${award.validFrom}, after ${policy.effectiveMonth}`,
        });
        continue;
      }
      if (award.contributionMonths === null) {
        reply.heldForReview.push({
          awardNo: award.awardNo,
          reason: 'the award does not say its contribution months',
        });
        continue;
      }
      const result = adjustPension(
        {
          monthlyFen: award.monthlyFen,
          contributionMonths: award.contributionMonths,
          birthDate: births.get(award.personId)!,
          startMonth: award.startMonth,
        },
        rules,
      );
      const version = award.version + 1;
      versions.push({
        awardNo: award.awardNo,
        afterVersion: award.version,
        monthlyFen: result.newMonthlyFen,
        validFrom: policy.effectiveMonth,
        explanation: { [`adjustment-${policy.year}`]: adjustmentPart(policy, result) },
        reason: `Yearly adjustment ${policy.year} (${policy.source}): ${formatFenAsYuan(award.monthlyFen)} + ${formatFenAsYuan(result.increaseFen)} = ${formatFenAsYuan(result.newMonthlyFen)} yuan a month from ${policy.effectiveMonth}`,
      });
      history.push({
        award_no: award.awardNo,
        policy_id: policyId,
        award_version: version,
        from_period: policy.effectiveMonth,
        before_fen: award.monthlyFen,
        increase_fen: result.increaseFen,
        after_fen: result.newMonthlyFen,
        explanation: JSON.stringify(result.explanation),
        recorded_at: recordedAt,
      });
      changes.push({
        awardNo: award.awardNo,
        version,
        fromPeriod: policy.effectiveMonth,
        oldMonthlyFen: award.monthlyFen,
        newMonthlyFen: result.newMonthlyFen,
        recordedAt,
      });
    }
    if (versions.length === 0) continue;
    await db.transaction().execute(async (trx) => {
      await app.benefits.recordAdjustedVersions(trx, versions, who);
      await app.pensionAdjustments.recordHistory(trx, history);
      reply.arrearsMonths += await recordAwardVersions(
        trx,
        changes.map((change) => ({
          awardNo: change.awardNo,
          version: change.version,
          validFrom: change.fromPeriod,
          monthlyFen: change.newMonthlyFen,
        })),
        {
          key: `adjustment:${policyId}`,
          note: `Yearly adjustment ${policy.year} from ${policy.effectiveMonth}`,
          recordedAt,
        },
      );
      await options.onChunk?.(trx, changes);
    });
    reply.adjusted += versions.length;
  }
  return reply;
}
