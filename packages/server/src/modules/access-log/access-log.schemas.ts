import { z } from 'zod';

export const accessActor = z.strictObject({
  kind: z.enum(['staff', 'employer', 'system']),
  /** The user or token id. */
  id: z.string().min(1),
  /** What the person sees: "agency staff wang.li (110000)", "employer 91110105… user hr". */
  label: z.string().min(1),
});

export const accessRecord = z.strictObject({
  personId: z.number().int().positive(),
  actor: accessActor,
  /** What was read, e.g. "rights record 2025", "staff list". */
  what: z.string().min(1).max(200),
  /** The route it was read through, e.g. "GET /api/persons/:id/rights-record". */
  route: z.string().min(1).max(200),
  requestId: z.string().max(100).optional(),
});

export const accessLogEntry = z.strictObject({
  id: z.number().int(),
  accessedAt: z.string(),
  actorKind: z.enum(['staff', 'employer', 'system']),
  actorLabel: z.string(),
  what: z.string(),
  route: z.string(),
});

export type AccessActor = z.infer<typeof accessActor>;
export type AccessRecord = z.input<typeof accessRecord>;
export type AccessLogEntry = z.infer<typeof accessLogEntry>;
