import { z } from 'zod';
import { notAfter } from '../../http/cross-field-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { OVERSIGHT_READERS } from '../../http/role-groups.ts';
import { INCOME_MONTHS_MAX, incomeQuery, incomeReply, incomeWindow } from './income.schemas.ts';
import { incomeByMonth } from './income-by-month.ts';
import { selectAccountBalances } from './ledger.repository.ts';
import { verifyLedger } from './verify-ledger.ts';

const tags = ['ledger'];
const balance = z.object({
  fund: z.string(),
  account: z.string(),
  debitFen: z.number().int(),
  creditFen: z.number().int(),
});

/** The fund ledger is agency-wide (funds are pooled per region, not per staff scope): oversight roles only. */
export const ledgerRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/ledger/verify',
    {
      schema: {
        tags,
        summary:
          'Prove the ledger invariants: every transaction balances, funds apart, sub-ledger equals control',
        response: {
          200: z.object({
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
          }),
        },
      },
      config: { access: { roles: OVERSIGHT_READERS } },
    },
    async () => verifyLedger(app.database.db),
  );
  server.get(
    '/api/ledger/balances',
    {
      schema: {
        tags,
        summary: 'Balance of every ledger account per fund',
        response: { 200: z.object({ items: z.array(balance) }) },
      },
      config: { access: { roles: OVERSIGHT_READERS } },
    },
    async () => ({ items: await selectAccountBalances(app.database.db) }),
  );
  server.get(
    '/api/ledger/income',
    {
      schema: {
        tags,
        summary:
          'Income of each fund month by month: received (cash) and billed; the last 24 months by default',
        querystring: incomeQuery,
        response: { 200: incomeReply },
      },
      config: {
        access: { roles: OVERSIGHT_READERS },
        crossFieldRules: [
          notAfter('query', 'from', 'to'),
          { in: 'query', field: 'from', rule: `at most ${INCOME_MONTHS_MAX} months from from to to` },
        ],
      },
    },
    async (request) => {
      const { from, to } = incomeWindow(request.query, app.clock.now());
      // No month beyond the horizon (docs/RULES.md 10.5).
      await app.policy.checkPeriod(to, 'query.to');
      return { from, to, months: await incomeByMonth(app.database.db, from, to) };
    },
  );
};
