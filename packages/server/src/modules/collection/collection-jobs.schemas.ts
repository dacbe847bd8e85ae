import { z } from 'zod';
import { pageQuery } from '../../http/pagination.ts';
import { periodText, regionCodeText } from '../../http/shared.schemas.ts';

/** Request and reply shapes of the collection job routes. */

export const collectionJob = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  period: z.string(),
  status: z.enum(['running', 'done', 'failed', 'interrupted']),
  payersDone: z.number().int(),
  payersTotal: z.number().int().nullable(),
  personMonths: z.number().int(),
  bills: z.number().int(),
  totalFen: z.number().int(),
  runId: z.number().int().nullable(),
  error: z.string().nullable(),
  startedBy: z.number().int(),
  startedAt: z.string(),
  heartbeatAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const startJobBody = z.strictObject({ regionCode: regionCodeText, period: periodText });

export const jobsQuery = z.strictObject({
  regionCode: regionCodeText,
  period: periodText.optional(),
  ...pageQuery,
});
