import { accessTo } from '../../http/access-rules.ts';
import { notAfter } from '../../http/cross-field-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { INCOME_MONTHS_MAX, incomeQuery, incomeReply } from './income.schemas.ts';
import { incomeByMonth, incomeWindow } from './income-by-month.ts';
import { balancesReply, verificationReply } from './ledger.schemas.ts';
import { selectAccountBalances } from './ledger.repository.ts';
import { verifyLedger } from './verify-ledger.ts';

const tags = ['ledger'];
/** The fund ledger is agency-wide (funds are pooled per region, not per staff scope): oversight roles only. */
export const ledgerRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/ledger/verify',
    {
      schema: {
        tags,
        summary:
          'Prove the ledger invariants: every transaction balances, funds apart, sub-ledger equals control',
        response: { 200: verificationReply },
      },
      config: { access: accessTo('ledger', 'read') },
    },
    async () => verifyLedger(app.database.db),
  );
  server.get(
    '/api/ledger/balances',
    {
      schema: {
        tags,
        summary: 'Balance of every ledger account per fund',
        response: { 200: balancesReply },
      },
      config: { access: accessTo('ledger', 'read') },
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
        access: accessTo('ledger', 'read'),
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
