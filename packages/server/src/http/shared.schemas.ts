import { z } from 'zod';

/** Shapes shared by every route: problem details, ids in paths, pages of a list. */

export const problemDetails = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string(),
    field: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
    detailCode: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: 'ProblemDetails', description: 'RFC 9457 problem details naming the field and the reason' });

/** A positive database id in a path or query string: digits only, so "1e3" or " 7" are refused. */
export const idText = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'must be a positive whole number')
  .transform(Number);

/**
 * A month YYYY-MM from 1900-01 (like dates, docs/RULES.md 10.5); how far ahead, and whether the region's
 * policy covers it, the use case checks (PolicyService.checkPeriod).
 */
export const periodText = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month in the form YYYY-MM')
  .refine((text) => text >= '1900-01', 'must not be before 1900-01');
export const regionCodeText = z.string().regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 region code');

export const okReply = z.object({ ok: z.literal(true) });
