import { addMonths, chinaDateOf, dateToPeriod, FUNDS, monthsBetween, type Period } from '@shebao/domain';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { periodText } from '../../http/shared.schemas.ts';

/** The request and reply of GET /api/ledger/income; they also document the HTTP API. */

/** A dashboard's window: long enough for ten years, short enough to stay one quick grouped query. */
export const INCOME_MONTHS_MAX = 120;
export const INCOME_MONTHS_DEFAULT = 24;

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

/** The months asked for: by default the 24 months up to the current one (China time). */
export function incomeWindow(query: { from?: string; to?: string }, now: Date): { from: Period; to: Period } {
  const to = query.to ?? dateToPeriod(chinaDateOf(now));
  const from = query.from ?? addMonths(to, 1 - INCOME_MONTHS_DEFAULT);
  const span = monthsBetween(from, to);
  if (span < 0)
    throw new AppError(ErrorCode.VALIDATION, `query.from: ${from} is after query.to, ${to}`, {
      field: 'query.from',
    });
  if (span >= INCOME_MONTHS_MAX)
    throw new AppError(ErrorCode.VALIDATION, `query.from: at most ${INCOME_MONTHS_MAX} months at a time`, {
      field: 'query.from',
    });
  return { from, to };
}
