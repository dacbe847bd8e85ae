import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { institutionInParams, regionInBody, regionInQuery } from '../../http/scopes.ts';
import { idText, periodText, regionCodeText } from '../../http/shared.schemas.ts';
import { regionCodePrefix } from '@shebao/domain';

const tags = ['medical'];

const statementView = z.object({
  statementNo: z.string(),
  institutionId: z.number().int(),
  ledger: z.enum(['medical', 'residents_medical']),
  period: z.string(),
  claims: z.number().int(),
  pooledFen: z.number().int(),
  accountFen: z.number().int(),
  cancelled: z.number().int(),
  cancelledFen: z.number().int(),
  carriedInFen: z.number().int(),
  deductedFen: z.number().int(),
  paidFen: z.number().int(),
  carriedOutFen: z.number().int(),
  dueOn: z.string(),
  paidOn: z.string(),
});
const monthSettlement = z.object({
  regionCode: z.string(),
  period: z.string(),
  drawn: z.number().int(),
  statements: z.array(statementView),
});
const regionMonth = z.strictObject({ regionCode: regionCodeText, period: periodText });

/**
 * The month's settlement with each designated institution (docs/RULES.md 16.6) and the retirees' monthly
 * medical account credits (16.4): batches run by medical officers, each once per month.
 */
export const medicalSettlementRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/medical/settlements',
    {
      schema: {
        tags,
        summary: 'Settle an ended month with every institution of the region: statements, payments, postings',
        body: regionMonth,
        response: { 201: monthSettlement, 200: monthSettlement },
      },
      config: { access: accessTo('medical-settlements', 'run', regionInBody) },
    },
    async (request, reply) => {
      const result = await app.medical.settleInstitutionsMonth(request.body, request.principal!.loginKey);
      reply.status(result.drawn > 0 ? 201 : 200);
      return result;
    },
  );
  server.get(
    '/api/medical/settlements',
    {
      schema: {
        tags,
        summary: 'The statements of a month of the region',
        querystring: regionMonth,
        response: { 200: z.object({ items: z.array(statementView) }) },
      },
      config: { access: accessTo('medical-settlements', 'read', regionInQuery) },
    },
    async (request) => ({
      items: await app.medical.statementsOfPeriod(
        regionCodePrefix(request.query.regionCode),
        request.query.period,
      ),
    }),
  );
  server.get(
    '/api/medical/institutions/:institutionId/statements',
    {
      schema: {
        tags,
        summary: 'An institution’s monthly statements, latest first',
        params: z.strictObject({ institutionId: idText }),
        response: { 200: z.object({ items: z.array(statementView) }) },
      },
      config: { access: accessTo('medical-settlements', 'read-institution', institutionInParams(app)) },
    },
    async (request) => ({
      items: await app.medical.statementsOfInstitution(request.params.institutionId, 36),
    }),
  );
  server.post(
    '/api/medical/retiree-credits',
    {
      schema: {
        tags,
        summary: 'Credit the month’s fixed amount to the medical accounts of the region’s retirees, once',
        body: regionMonth,
        response: {
          200: z.object({
            regionCode: z.string(),
            period: z.string(),
            credited: z.number().int(),
            amountFen: z.number().int(),
            short: z.number().int(),
          }),
        },
      },
      config: { access: accessTo('medical-settlements', 'credit-retirees', regionInBody) },
    },
    async (request) => app.medical.creditRetireeAccounts(request.body),
  );
};
