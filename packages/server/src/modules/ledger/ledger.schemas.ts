import { z } from 'zod';

/** The replies of GET /api/ledger/verify and /api/ledger/balances; they also document the HTTP API. */

export const balance = z.object({
  fund: z.string(),
  account: z.string(),
  debitFen: z.number().int(),
  creditFen: z.number().int(),
});

export const balancesReply = z.object({ items: z.array(balance) });

export const verificationReply = z.object({
  ok: z.boolean(),
  checks: z.array(
    z.object({
      code: z.string(),
      fund: z.string().optional(),
      name: z.string(),
      ok: z.boolean(),
      discrepancies: z.array(z.string()),
    }),
  ),
  balances: z.array(balance),
  personalAccounts: z.array(
    z.object({
      fund: z.enum(['pension', 'medical']),
      controlFen: z.number().int(),
      subLedgerFen: z.number().int(),
    }),
  ),
  brokenLinks: z.array(
    z.object({
      fund: z.string(),
      transactionId: z.number().int(),
      eventKey: z.string(),
      reason: z.string(),
    }),
  ),
});
