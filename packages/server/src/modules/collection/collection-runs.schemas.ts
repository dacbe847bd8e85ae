import { z } from 'zod';
import { periodText, regionCodeText } from '../../http/shared.schemas.ts';

/** Request and reply shapes of the month's run, reassessment and settlement routes. */

export const runBody = z.strictObject({ regionCode: regionCodeText, period: periodText });

export const runResult = z.object({
  runId: z.number().int(),
  regionCode: z.string(),
  period: z.string(),
  payers: z.number().int(),
  personMonths: z.number().int(),
  bills: z.number().int(),
  totalFen: z.number().int(),
});

export const adjustBody = z.strictObject({
  regionCode: regionCodeText,
  fromPeriod: periodText,
  toPeriod: periodText,
  employerId: z.number().int().positive().optional(),
});

export const adjustResult = z.object({
  adjustmentBills: z.array(
    z.object({
      billNo: z.string(),
      period: z.string(),
      payerKey: z.string(),
      totalFen: z.number().int(),
    }),
  ),
  personMonthsChanged: z.number().int(),
});

export const settleBody = z.strictObject({
  regionCode: regionCodeText,
  employerId: z.number().int().positive().optional(),
});

export const settleResult = z.object({
  settlements: z.array(
    z.object({
      period: z.string(),
      payerKey: z.string(),
      assessedFen: z.number().int(),
      estimatedFen: z.number().int(),
      differenceFen: z.number().int(),
    }),
  ),
});
