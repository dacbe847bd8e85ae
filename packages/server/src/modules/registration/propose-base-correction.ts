import { maskResidentId } from '@shebao/domain';
import type { Approval, ApprovalService } from '../approvals/index.ts';
import type { Principal } from '../auth/index.ts';
import type { DeclareBaseInput } from './registration.schemas.ts';

/**
 * A corrected base for an employee's contribution year is a sensitive change: it is stored as a
 * `registration.correctBase` proposal and applied (declareBase, source 'correction') only when a second
 * collection officer approves it (workflows/approval-appliers.ts).
 */
export function proposeBaseCorrection(
  approvals: Pick<ApprovalService, 'propose'>,
  input: DeclareBaseInput,
  regionCode: string | undefined,
  proposer: Principal,
): Promise<Approval> {
  const body = { ...input, source: 'correction' as const };
  const who = [
    body.employerId ?? body.creditCode,
    body.personId ?? (body.idNumber ? maskResidentId(body.idNumber) : undefined),
  ];
  return approvals.propose(
    'registration.correctBase',
    body,
    {
      regionCode: regionCode ?? '000000',
      summary: `base correction: employer ${who[0]}, person ${who[1]}, ${body.cycleStart ?? body.period}: ${body.declaredFen} fen`,
    },
    proposer,
  );
}
