import { z } from 'zod';
import { periodText, regionCodeText } from '../../http/shared.schemas.ts';

/** An invitation to claim the pension, or the shortfall told in time (docs/RULES.md 14.7, 14.13). */
export const invitationView = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  retirementMonth: z.string(),
  retirementGroup: z.enum(['male', 'female-55', 'female-50']),
  kind: z.enum(['apply', 'shortfall']),
  contributionMonths: z.number().int(),
  minContributionMonths: z.number().int(),
  shortfallMonths: z.number().int(),
  options: z.array(z.enum(['keep-paying', 'extended-or-one-time-payment', 'transfer-to-residents-scheme'])),
  sentIn: z.string(),
  recordedAt: z.string(),
});
export type InvitationView = z.infer<typeof invitationView>;

export const invitationRunInput = z.strictObject({
  regionCode: regionCodeText,
  /** The month the run is for; persons retiring in the three months after it are looked at. */
  period: periodText,
});
export type InvitationRunInput = z.infer<typeof invitationRunInput>;

export const invitationRunReply = z.object({
  regionCode: z.string(),
  period: z.string(),
  /** Persons whose statutory retirement month falls in the window. */
  considered: z.number().int(),
  /** Of those, already claiming (an application or an award): not invited. */
  claiming: z.number().int(),
  invited: z.number().int(),
  toldShortfall: z.number().int(),
  /** Stored by an earlier run: left as they were. */
  alreadySent: z.number().int(),
});
export type InvitationRunReply = z.infer<typeof invitationRunReply>;
