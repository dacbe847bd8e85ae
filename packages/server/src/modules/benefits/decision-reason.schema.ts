import { z } from 'zod';

/** A reason of a decision, always with its legal source (docs/RULES.md 14.4). */
export const decisionReason = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,60}$/, 'must be a short code like short-of-minimum-years'),
  message: z.string().trim().min(1, 'give the reason in words').max(1000),
  source: z.string().trim().min(1, 'give the legal source').max(200),
});
export type DecisionReason = z.infer<typeof decisionReason>;
