import { FUNDS } from '@shebao/domain';
import { z } from 'zod';
import { periodText } from '../../http/shared.schemas.ts';

/** The request and reply of GET /api/ledger/income; they also document the HTTP API. */

/** A dashboard's window: long enough for ten years, short enough to stay one quick grouped query. */
export const INCOME_MONTHS_MAX = 120;

export const incomeQuery = z.strictObject({ from: periodText.optional(), to: periodText.optional() });

export const incomeReply = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(
    z.object({
      period: z.string(),
      fund: z.enum(FUNDS),
      receivedFen: z.number().int(),
      billedFen: z.number().int(),
    }),
  ),
});
