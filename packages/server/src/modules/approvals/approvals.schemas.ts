import { z } from 'zod';
import { pageQuery } from '../../http/pagination.ts';

/** An approval as the API shows it (also in the replies of the routes that propose one). */
export const approval = z.object({
  id: z.number().int(),
  kind: z.string(),
  regionCode: z.string(),
  summary: z.string(),
  payload: z.unknown(),
  status: z.enum(['pending', 'approved', 'rejected']),
  proposedBy: z.number().int(),
  /** The staff member's display name, so a reviewer sees who asked without looking the id up. */
  proposedByName: z.string(),
  proposedAt: z.string(),
  decidedBy: z.number().int().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  result: z.unknown(),
});

/** A decision's optional note. */
export const decisionBody = z.strictObject({ note: z.string().trim().max(500).optional() });

/** A second officer's decision on a proposal a benefit route made (an award, a correction, a death report...). */
export const secondPersonDecision = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(1000).optional(),
});

/** The decision as the workflows take it: approve or not, and the note when one was given. */
export function decisionOf(body: z.infer<typeof secondPersonDecision>): { approve: boolean; note?: string } {
  return { approve: body.decision === 'approve', ...(body.note ? { note: body.note } : {}) };
}

export const approvalsQuery = z.strictObject({
  status: z.enum(['pending', 'approved', 'rejected']).optional(),
  ...pageQuery,
});
