import { z } from 'zod';

/** Request and reply shapes of policy parameters over HTTP. */

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month in the form YYYY-MM');

/** A value: an integer (fen, ppm), a text, or a small JSON array or object (checked against the catalogue). */
export const parameterValue = z.union([
  z.number().int(),
  z.string().max(200),
  z.array(z.unknown()).max(100),
  z.record(z.string(), z.unknown()),
]);

export const newParameterVersionInput = z.strictObject({
  name: z.string().min(1).max(100),
  regionCode: z.string().regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 region code'),
  insurance: z.string().max(40).nullable().default(null),
  party: z.string().max(40).nullable().default(null),
  category: z.string().max(40).nullable().default(null),
  validFrom: period,
  validTo: period.nullable().default(null),
  value: parameterValue,
  /** The document that sets it, e.g. "京人社发〔2025〕13号". */
  source: z.string().trim().min(1, 'name the document that sets this value').max(200),
});
export type NewParameterVersionInput = z.output<typeof newParameterVersionInput>;

export const policyParameter = z.object({
  name: z.string(),
  regionCode: z.string(),
  insurance: z.string().nullable(),
  party: z.string().nullable(),
  category: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  value: z.unknown(),
  source: z.string(),
  version: z.number().int(),
  recordedAt: z.string(),
});

/** The query of GET /api/policy/parameters: by name, by region, or both. */
export const parametersQuery = z.strictObject({
  name: z.string().max(100).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
