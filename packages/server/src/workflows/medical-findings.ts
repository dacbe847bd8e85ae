import { AppError, ErrorCode, fromZodError } from '../errors/index.ts';
import type { Approval, ApprovalService, ChangeApplier } from '../modules/approvals/index.ts';
import type { Principal } from '../modules/auth/index.ts';
import {
  findingInput,
  type FindingInput,
  type FindingPayload,
  type FindingView,
  type MedicalService,
} from '../modules/medical/index.ts';

/*
 * A finding of the medical fund's supervision takes a second officer's approval (docs/RULES.md 16.7): one
 * medical officer proposes it over flagged claims, another approves it, and the penalty applies in the
 * approval's transaction (the recovery, the suspension or termination of the agreement, the suspension of
 * a person's direct settlement); a rejection sends the flags back to the review queue.
 */

const KIND = 'medical.finding';

/** What the workflow needs of the app (not the app itself: the app is assembled from the workflows). */
type App = { medical: MedicalService; approvals: ApprovalService };
const OFFICERS = ['admin', 'medical_officer'] as const;

export function medicalFindingApplier(medical: MedicalService): ChangeApplier<FindingPayload> {
  return {
    roles: OFFICERS,
    // What was checked when proposed is checked again against the rows as they are now.
    check: async (payload, db) => {
      await medical.prepareFinding(payload, db);
    },
    proposed: (trx, payload, who) => medical.recordProposedFinding(trx, payload, who),
    rejected: (trx, payload, who) => medical.rejectFinding(trx, payload, who),
    apply: (trx, payload, who) => medical.applyFinding(trx, payload, who),
  };
}

export async function proposeMedicalFinding(
  app: App,
  input: FindingInput,
  proposer: Principal,
  idempotencyKey?: string,
): Promise<{ finding: FindingView; replayed: boolean }> {
  const parsed = findingInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { payload, summary } = await app.medical.prepareFinding(parsed.data);
  const { approval, replayed } = await app.approvals.proposeOnce(
    KIND,
    payload,
    { regionCode: payload.regionCode, summary },
    proposer,
    idempotencyKey,
  );
  return { finding: await findingOfApproval(app, approval), replayed };
}

/** A second officer's decision on a proposed finding. */
export async function decideMedicalFinding(
  app: App,
  findingNo: string,
  decision: { approve: boolean; note?: string },
  decider: Principal,
): Promise<FindingView> {
  const finding = await app.medical.getFinding(findingNo);
  if (!finding || finding.approvalId === null)
    throw new AppError(ErrorCode.NOT_FOUND, `findingNo: no finding ${findingNo}`, { field: 'findingNo' });
  const approval = decision.approve
    ? await app.approvals.approve(finding.approvalId, decider, decision.note)
    : await app.approvals.reject(finding.approvalId, decider, decision.note);
  return findingOfApproval(app, approval);
}

async function findingOfApproval(app: App, approval: Approval): Promise<FindingView> {
  const finding = await app.medical.getFindingOfApproval(approval.id);
  if (!finding) throw new Error(`approval ${approval.id} has no finding`);
  return finding;
}
