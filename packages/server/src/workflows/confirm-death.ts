import { formatFenAsYuan } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/index.ts';
import type { Approval, ApprovalService, ChangeApplier } from '../modules/approvals/index.ts';
import type { Principal } from '../modules/auth/index.ts';
import {
  maskedConfirmation,
  type ConfirmedDeath,
  type DeathReportInput,
  type DeathReportPayload,
  type DeathReportView,
  type SurvivalService,
} from '../modules/survival/index.ts';

/*
 * Confirming a death (docs/ARCHITECTURE.md, "Workflows"; docs/RULES.md 14.10): a benefits officer records
 * the report with the heirs and works out the one-time benefits (survival), which is proposed (approvals)
 * with the report standing proposed in the same transaction; a second officer confirms it, which records
 * the confirmation in the approval's transaction and hands the confirmed death to the payroll's step.
 */

/** The applier of kind `survival.confirmDeath`: benefits officers and administrators propose and decide. */
export function deathConfirmationApplier(survival: SurvivalService): ChangeApplier<DeathReportPayload> {
  return {
    roles: ['admin', 'benefits_officer'],
    check: async (payload, db) => {
      await survival.checkDeathReport(payload, db);
    },
    proposed: (trx, payload, who, details) => survival.recordProposedReport(trx, payload, who, details),
    apply: async (trx, _payload, who) => {
      const death = await survival.confirmDeathReport(trx, who);
      return stopPaymentAndPayDeathBenefits(trx, death);
    },
    // However it is rejected (here or on the approvals page), the report stands rejected.
    rejected: (trx, _payload, who) => survival.rejectDeathReport(trx, who),
  };
}

/**
 * The payroll's side of a confirmed death, in the approval's transaction: stop the pension from
 * `death.stopPaymentFrom`, turn what was paid after the death into a recovery (docs/RULES.md 14.5), and pay
 * the funeral grant and the survivors' one-time benefit (`death.benefits`) and the inherited account
 * (split with the domain's splitInheritance among `death.heirs`). The payroll is not built on this branch:
 * this step hands the confirmed death over as the approval's result (identity numbers and accounts masked;
 * `death` itself carries them whole for the payroll).
 */
export async function stopPaymentAndPayDeathBenefits(
  _trx: Kysely<Database>,
  death: ConfirmedDeath,
): Promise<ReturnType<typeof maskedConfirmation>> {
  return maskedConfirmation(death);
}

/**
 * Records a death report and proposes it for a second officer's confirmation: prepare it (survival: checks,
 * the one-time benefits by the region's standards), store the proposal, masked, and the report in full
 * together (approvals, with the applier's `proposed` step and the details beside the payload). The same
 * idempotency key proposes once.
 */
export async function proposeDeathReport(
  app: { survival: SurvivalService; approvals: ApprovalService },
  personId: number,
  input: DeathReportInput,
  proposer: Principal,
  idempotencyKey?: string,
): Promise<{ approval: Approval; report: DeathReportView; replayed: boolean }> {
  const { payload, details } = await app.survival.prepareDeathReport(personId, input);
  const grant = payload.benefits.funeralGrant;
  const { approval, replayed } = await app.approvals.proposeOnce(
    'survival.confirmDeath',
    payload,
    {
      regionCode: payload.regionCode,
      summary:
        `Death of person ${personId} on ${payload.dateOfDeath}: payment stops after that month; ` +
        `${payload.heirs.length} heir(s)${grant ? `; funeral grant ${formatFenAsYuan(grant.amountFen)} yuan` : ''}`,
    },
    proposer,
    idempotencyKey,
    details,
  );
  return { approval, report: (await app.survival.reportOfApproval(approval.id))!, replayed };
}

/** The second officer's decision on the person's proposed death report, through its approval. */
export async function decideDeathReport(
  app: { survival: SurvivalService; approvals: ApprovalService },
  personId: number,
  decision: { approve: boolean; note?: string },
  decider: Principal,
): Promise<{ approval: Approval; report: DeathReportView }> {
  const { approvalId } = await app.survival.proposedReportOf(personId);
  const approval = decision.approve
    ? await app.approvals.approve(approvalId, decider, decision.note)
    : await app.approvals.reject(approvalId, decider, decision.note);
  return { approval, report: (await app.survival.reportOfApproval(approvalId))! };
}
