import {
  addDays,
  addMonthsToDate,
  assessPenalty,
  chinaDateOf,
  maskResidentId,
  PENALTY_ARTICLE_NAMES,
  postMedicalRecovery,
  type PenaltyArticle,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertPostings } from '../ledger/index.ts';
import { selectClaimsById } from './claims.repository.ts';
import { selectPersonsById } from './coverage.repository.ts';
import {
  insertFinding,
  selectFindingByApproval,
  selectFindings,
  updateFinding,
  type FindingRow,
} from './findings.repository.ts';
import {
  insertAgreementEvent,
  selectAgreementsOfInstitutions,
  selectInstitutionsById,
  updateAgreementStanding,
} from './institutions.repository.ts';
import type { MedicalDeps } from './medical-deps.ts';
import { selectFlagsById, updateFlags } from './reviews.repository.ts';

/*
 * Findings of the medical fund's supervision (docs/RULES.md 16.7): an officer turns flagged claims into a
 * finding against the institution or the person with the penalty its article allows; a second officer's
 * approval applies it in one transaction (the recovery posted, the agreement suspended or ended, or the
 * person's direct settlement suspended); a rejection sends the flags back to the queue.
 */

export const findingInput = z.strictObject({
  flagIds: z
    .array(z.number().int().positive())
    .min(1, 'a finding rests on at least one flagged claim')
    .max(200),
  subject: z.enum(['institution', 'person']),
  article: z.enum(PENALTY_ARTICLE_NAMES as [PenaltyArticle, ...PenaltyArticle[]]),
  description: z.string().trim().min(4, 'say what was found').max(1000),
  lossFen: z.number().int('must be whole fen').positive('must be more than nothing'),
  multiplePpm: z.number().int().min(0).max(10_000_000),
  suspensionMonths: z.number().int().min(0).max(12).default(0),
  terminate: z.boolean().default(false),
});
export type FindingInput = z.output<typeof findingInput>;

/** What the approval stores and the applier applies. */
export interface FindingPayload extends FindingInput {
  institutionId: number | null;
  personId: number | null;
  regionCode: string;
  ledger: 'medical' | 'residents_medical';
  claimNos: string[];
  fineFen: number;
  explanation: ReturnType<typeof assessPenalty>['explanation'];
}

/** Checks a proposed finding against its flags and its article; what to store for the approval. */
export async function prepareFinding(
  deps: MedicalDeps,
  input: FindingInput,
  db: Kysely<Database> = deps.db,
): Promise<{ payload: FindingPayload; summary: string }> {
  const flags = await selectFlagsById(db, input.flagIds);
  const missing = input.flagIds.find((id) => !flags.some((flag) => Number(flag.id) === id));
  if (missing !== undefined)
    throw new AppError(ErrorCode.NOT_FOUND, `flagIds: no review flag ${missing}`, { field: 'flagIds' });
  const taken = flags.find((flag) => flag.status !== 'open');
  if (taken)
    throw new AppError(ErrorCode.CONFLICT, `flagIds: flag ${taken.id} is ${taken.status} already`, {
      field: 'flagIds',
    });
  const claims = await selectClaimsById(db, [...new Set(flags.map((flag) => Number(flag.claim_id)))]);
  const subjects = new Set(
    claims.map((claim) =>
      input.subject === 'institution' ? Number(claim.institution_id) : Number(claim.person_id),
    ),
  );
  if (subjects.size !== 1)
    throw new AppError(
      ErrorCode.VALIDATION,
      `flagIds: the claims of one finding are of one ${input.subject === 'institution' ? 'institution' : 'person'}`,
      { field: 'flagIds' },
    );
  const ledgers = new Set(claims.map((claim) => claim.ledger));
  if (ledgers.size !== 1)
    throw new AppError(ErrorCode.VALIDATION, 'flagIds: the claims of one finding are of one fund', {
      field: 'flagIds',
    });
  const standingFen = claims.reduce(
    (sum, claim) => sum + Number(claim.pooled_fen) + Number(claim.account_fen),
    0,
  );
  if (input.lossFen > standingFen)
    throw new AppError(
      ErrorCode.VALIDATION,
      `lossFen: the fund paid ${standingFen} fen on these claims; the loss cannot be more`,
      { field: 'lossFen' },
    );
  let penalty;
  try {
    penalty = assessPenalty({ ...input });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const field = /^(\w+):/.exec(error.message)?.[1];
    throw new AppError(ErrorCode.VALIDATION, error.message, field ? { field } : {});
  }
  const [subjectId] = [...subjects] as [number];
  const claim = claims[0]!;
  const payload: FindingPayload = {
    ...input,
    institutionId: input.subject === 'institution' ? subjectId : null,
    personId: input.subject === 'person' ? subjectId : null,
    regionCode: claim.region_code,
    ledger: claim.ledger,
    claimNos: claims.map((row) => row.claim_no).sort(),
    fineFen: penalty.fineFen,
    explanation: penalty.explanation,
  };
  let who: string;
  if (input.subject === 'institution') {
    const [institution] = await selectInstitutionsById(db, [subjectId]);
    who = `${institution!.name} (${institution!.code})`;
  } else {
    const [person] = await selectPersonsById(db, [subjectId]);
    who = `${person!.name} ${maskResidentId(person!.id_number)}`;
  }
  return {
    payload,
    summary: `Medical finding against ${who} under ${input.article}: ${penalty.explanation.formula}`,
  };
}

/** Inside the proposal's transaction: the finding stands proposed and its flags leave the queue. */
export async function recordProposedFinding(
  deps: MedicalDeps,
  trx: Kysely<Database>,
  payload: FindingPayload,
  who: { proposedBy: string; approvalId: number },
): Promise<void> {
  const now = deps.clock.now();
  const id = await insertFinding(trx, {
    finding_no: `MF${chinaDateOf(now).replaceAll('-', '')}${String(who.approvalId).padStart(6, '0')}`,
    subject: payload.subject,
    institution_id: payload.institutionId,
    person_id: payload.personId,
    region_code: payload.regionCode,
    ledger: payload.ledger,
    article: payload.article,
    description: payload.description,
    claims_json: JSON.stringify(payload.claimNos),
    loss_fen: payload.lossFen,
    multiple_ppm: payload.multiplePpm,
    fine_fen: payload.fineFen,
    suspension_months: payload.suspensionMonths,
    suspended_from: null,
    suspended_until: null,
    terminate: payload.terminate ? 1 : 0,
    explanation: JSON.stringify(payload.explanation),
    status: 'proposed',
    approval_id: who.approvalId,
    proposed_by: who.proposedBy,
    proposed_at: now.toISOString(),
    decided_by: null,
    decided_at: null,
  });
  await updateFlags(trx, payload.flagIds, {
    status: 'finding',
    review_note: payload.description,
    reviewed_by: who.proposedBy,
    reviewed_at: now.toISOString(),
    finding_id: id,
  });
}

/**
 * Inside the approval's transaction: the finding applies from today. The amount is recovered to the fund
 * (its statements keep it back from an institution); the agreements in force are suspended for the months
 * or ended; a person's direct settlement is suspended for the months.
 */
export async function applyFinding(
  deps: MedicalDeps,
  trx: Kysely<Database>,
  payload: FindingPayload,
  who: { approvedBy: string; approvalId: number },
): Promise<{ findingNo: string; suspendedUntil: string | null }> {
  const now = deps.clock.now();
  const today = chinaDateOf(now);
  const finding = (await selectFindingByApproval(trx, who.approvalId))!;
  const until =
    payload.suspensionMonths > 0 ? addDays(addMonthsToDate(today, payload.suspensionMonths), -1) : null;
  await updateFinding(trx, Number(finding.id), {
    status: 'approved',
    decided_by: who.approvedBy,
    decided_at: now.toISOString(),
    suspended_from: until ? today : null,
    suspended_until: until,
  });
  await insertPostings(
    trx,
    postMedicalRecovery(
      {
        eventKey: `medical-finding:${finding.finding_no}`,
        businessDate: today,
        regionCode: payload.regionCode,
      },
      payload.ledger,
      payload.lossFen,
    ),
    now.toISOString(),
  );
  if (payload.subject === 'institution' && (until || payload.terminate)) {
    const agreements = await selectAgreementsOfInstitutions(trx, [payload.institutionId!]);
    const reason = `${finding.finding_no}: ${payload.description}`;
    for (const agreement of agreements.filter(
      (row) => row.status !== 'terminated' && row.valid_to >= today,
    )) {
      const standing = {
        status: payload.terminate ? ('terminated' as const) : ('suspended' as const),
        status_from: today,
        status_until: until,
        status_reason: reason,
        status_source: payload.article,
      };
      await updateAgreementStanding(trx, Number(agreement.id), standing);
      await insertAgreementEvent(trx, {
        agreement_id: Number(agreement.id),
        status: standing.status,
        status_from: today,
        status_until: until,
        reason,
        source: payload.article,
        recorded_by: who.approvedBy,
        recorded_at: now.toISOString(),
      });
    }
  }
  return { findingNo: finding.finding_no, suspendedUntil: until };
}

/** Inside the rejection's transaction: the finding is rejected and its flags go back to the queue. */
export async function rejectFinding(
  deps: MedicalDeps,
  trx: Kysely<Database>,
  payload: FindingPayload,
  who: { rejectedBy: string; approvalId: number },
): Promise<void> {
  const finding = (await selectFindingByApproval(trx, who.approvalId))!;
  await updateFinding(trx, Number(finding.id), {
    status: 'rejected',
    decided_by: who.rejectedBy,
    decided_at: deps.clock.now().toISOString(),
    suspended_from: null,
    suspended_until: null,
  });
  await updateFlags(trx, payload.flagIds, {
    status: 'open',
    review_note: null,
    reviewed_by: null,
    reviewed_at: null,
    finding_id: null,
  });
}

export interface FindingView {
  findingNo: string;
  status: FindingRow['status'];
  subject: FindingRow['subject'];
  institutionId: number | null;
  personId: number | null;
  regionCode: string;
  article: string;
  description: string;
  claimNos: string[];
  lossFen: number;
  multiplePpm: number;
  fineFen: number;
  suspensionMonths: number;
  suspendedFrom: string | null;
  suspendedUntil: string | null;
  terminate: boolean;
  explanation: FindingPayload['explanation'];
  approvalId: number | null;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export function toFindingView(row: FindingRow): FindingView {
  return {
    findingNo: row.finding_no,
    status: row.status,
    subject: row.subject,
    institutionId: row.institution_id === null ? null : Number(row.institution_id),
    personId: row.person_id === null ? null : Number(row.person_id),
    regionCode: row.region_code,
    article: row.article,
    description: row.description,
    claimNos: JSON.parse(row.claims_json) as string[],
    lossFen: Number(row.loss_fen),
    multiplePpm: row.multiple_ppm,
    fineFen: Number(row.fine_fen),
    suspensionMonths: row.suspension_months,
    suspendedFrom: row.suspended_from,
    suspendedUntil: row.suspended_until,
    terminate: row.terminate === 1,
    explanation: JSON.parse(row.explanation) as FindingPayload['explanation'],
    approvalId: row.approval_id === null ? null : Number(row.approval_id),
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

export async function listFindings(
  deps: MedicalDeps,
  filter: { regionPrefix: string; status?: FindingRow['status']; limit: number },
): Promise<FindingView[]> {
  return (await selectFindings(deps.db, filter)).map(toFindingView);
}
