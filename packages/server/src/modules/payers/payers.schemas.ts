import { z } from 'zod';

/** A payer as lists show it (PayerDescription); it also documents the HTTP API. */
export const payerDescription = z.object({
  payerKey: z.string(),
  kind: z.enum(['employer', 'person']),
  employerId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
  name: z.string(),
  /** The employer's credit code, or the person's identity number masked. */
  code: z.string(),
});
