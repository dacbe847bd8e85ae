import { z } from 'zod';
import { pageQuery } from '../../http/pagination.ts';
import { idText, periodText, regionCodeText } from '../../http/shared.schemas.ts';

/** Request and reply shapes of the bill inquiry routes. */

export const billSummary = z.object({
  id: z.number().int(),
  billNo: z.string(),
  regionCode: z.string(),
  period: z.string(),
  payerKey: z.string(),
  employerId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
  kind: z.string(),
  estimated: z.boolean(),
  dueDate: z.string(),
  employerFen: z.number().int(),
  employeeFen: z.number().int(),
  totalFen: z.number().int(),
  paidFen: z.number().int(),
  recordedAt: z.string(),
});

export const billDetail = billSummary.extend({
  lines: z.array(
    z.object({
      personId: z.number().int().nullable(),
      period: z.string(),
      amounts: z.record(z.string(), z.number().int()),
    }),
  ),
});

export const billsQuery = z
  .strictObject({
    regionCode: regionCodeText.optional(),
    employerId: idText.optional(),
    personId: idText.optional(),
    period: periodText.optional(),
    open: z.enum(['true', 'false']).optional(),
    ...pageQuery,
  })
  .refine(
    (query) =>
      [query.regionCode, query.employerId, query.personId].filter((it) => it !== undefined).length === 1,
    {
      message: 'give exactly one of regionCode, employerId, personId',
      path: ['regionCode'],
    },
  );

export const billNoParams = z.strictObject({
  billNo: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'is not a bill number'),
});
