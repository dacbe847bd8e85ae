import { formatFenAsYuan } from '@shebao/domain';
import { AppError, ErrorCode, fromZodError } from '../errors/index.ts';
import type { Approval, ApprovalService, ChangeApplier } from '../modules/approvals/index.ts';
import { selectPendingProposal } from '../modules/approvals/index.ts';
import type { Principal } from '../modules/auth/index.ts';
import {
  awardCorrectionInput,
  type AwardChange,
  type AwardCorrectionInput,
  type AwardCorrectionPayload,
  type BenefitsService,
} from '../modules/benefits/index.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import { recordAwardVersions } from '../modules/payroll/index.ts';

/*
 * Correcting an award (docs/ARCHITECTURE.md, "Workflows"; docs/RULES.md 14.12): a benefits officer
 * proposes a new amount, a new payee account or both from a month on, with the reason (approvals); a second
 * officer approves it, which records the award's next version in the approval's transaction (benefits)
 * and puts it on the roll with the arrears or recoveries of the months already paid it changes (payroll).
 */

const KIND = 'benefits.correctAward';

type App = { benefits: BenefitsService; approvals: ApprovalService; database: { db: Kysely<Database> } };

export function awardCorrectionApplier(benefits: BenefitsService): ChangeApplier<AwardCorrectionPayload> {
  return {
    roles: ['admin', 'benefits_officer'],
    check: async (payload, db) => {
      await benefits.checkAwardCorrection(payload, db);
    },
    apply: async (trx, payload, who): Promise<AwardChange & { monthsSettled: number }> => {
      const change = await benefits.recordAwardCorrection(trx, payload, who);
      const monthsSettled = await recordAwardVersions(
        trx,
        [
          {
            awardNo: change.awardNo,
            version: change.version,
            validFrom: change.fromPeriod,
            monthlyFen: change.newMonthlyFen,
            ...(change.priorMonthlyFen === undefined ? {} : { priorMonthlyFen: change.priorMonthlyFen }),
            ...(change.payee ? { payee: change.payee } : {}),
          },
        ],
        {
          key: `correction:${change.awardNo}:${change.version}`,
          note: `Award ${change.awardNo} corrected from ${change.fromPeriod} (version ${change.version})`,
          recordedAt: change.recordedAt,
        },
      );
      return { ...change, monthsSettled };
    },
  };
}

/** Proposes a correction of a person's award; one waits at a time per award, the same key proposes once. */
export async function proposeAwardCorrection(
  app: App,
  personId: number,
  awardNo: string,
  input: AwardCorrectionInput,
  proposer: Principal,
  idempotencyKey?: string,
): Promise<{ approval: Approval; replayed: boolean }> {
  const parsed = awardCorrectionInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const latest = await app.benefits.latestAward(personId, awardNo);
  const payload: AwardCorrectionPayload = {
    personId,
    awardNo,
    basedOnVersion: latest.version,
    ...parsed.data,
  };
  const pending = await selectPendingProposal(app.database.db, KIND, 'awardNo', awardNo);
  // A retry with the same key and correction replays it; anything else waits for the first to be decided.
  const replay =
    pending !== undefined &&
    idempotencyKey !== undefined &&
    JSON.stringify((await app.approvals.get(pending.id)).payload) === JSON.stringify(payload);
  if (pending && !replay)
    throw new AppError(
      ErrorCode.CONFLICT,
      `awardNo: a correction of award ${awardNo} is waiting for approval (${pending.id})`,
      { field: 'awardNo', detailCode: 'correction-pending' },
    );
  const changes = [
    ...(parsed.data.monthlyFen === undefined
      ? []
      : [`${formatFenAsYuan(parsed.data.monthlyFen)} yuan a month`]),
    ...(parsed.data.payee ? [`payee account ****${parsed.data.payee.account.slice(-4)}`] : []),
  ];
  return app.approvals.proposeOnce(
    KIND,
    payload,
    {
      regionCode: latest.regionCode,
      summary: `Correction of award ${awardNo} from ${parsed.data.validFrom}: ${changes.join(', ')} (${parsed.data.reason})`,
    },
    proposer,
    idempotencyKey,
  );
}

/** The correction waiting for a second officer on a person's award, if any. */
export async function pendingAwardCorrection(
  app: App,
  personId: number,
  awardNo: string,
): Promise<Approval | null> {
  await app.benefits.latestAward(personId, awardNo);
  const pending = await selectPendingProposal(app.database.db, KIND, 'awardNo', awardNo);
  return pending ? app.approvals.get(pending.id) : null;
}

/** The second officer's decision on the correction waiting for a person's award. */
export async function decideAwardCorrection(
  app: App,
  personId: number,
  awardNo: string,
  decision: { approve: boolean; note?: string },
  decider: Principal,
): Promise<Approval> {
  await app.benefits.latestAward(personId, awardNo);
  const pending = await selectPendingProposal(app.database.db, KIND, 'awardNo', awardNo);
  if (!pending)
    throw new AppError(
      ErrorCode.CONFLICT,
      `awardNo: no correction of award ${awardNo} is waiting for approval`,
      {
        field: 'awardNo',
        detailCode: 'no-correction-pending',
      },
    );
  return decision.approve
    ? app.approvals.approve(pending.id, decider, decision.note)
    : app.approvals.reject(pending.id, decider, decision.note);
}
