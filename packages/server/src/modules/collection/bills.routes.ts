import type { FastifyRequest } from 'fastify';
import type { App } from '../../app/index.ts';
import type { Scope } from '../../http/access.ts';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { decodeCursor, pageLimit, pageReply, toPage } from '../../http/pagination.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { payerInQuery } from '../../http/scopes.ts';
import { findBillOwner, getBill, listBills } from './bills.repository.ts';
import { billDetail, billNoParams, billSummary, billsQuery } from './bills.schemas.ts';

const tags = ['collection'];

/** The payer of the bill named by the path's `:billNo` (none when there is no such bill). */
const billInParams =
  (app: App) =>
  async (request: FastifyRequest): Promise<Scope> =>
    (await findBillOwner(app.database.db, (request.params as { billNo: string }).billNo)) ?? {};

/** Bills of a region, an employer or a person, and one bill with its lines. */
export const billRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/bills',
    {
      schema: {
        tags,
        summary: 'Bills of a region, an employer or a person, by id (cursor pages)',
        querystring: billsQuery,
        response: { 200: pageReply(billSummary) },
      },
      config: {
        crossFieldRules: [
          {
            in: 'query',
            field: 'regionCode',
            rule: 'give exactly one of regionCode, employerId and personId',
          },
        ],
        access: accessTo('bills', 'read', payerInQuery(app)),
        // A person's own bills (asked by personId, or a flexible worker's bill in a region's list).
        personalData: { what: 'bills', persons: 'handler' },
      },
    },
    async (request) => {
      const { cursor, limit, open, ...filter } = request.query;
      const size = pageLimit(limit);
      const afterId = decodeCursor(cursor, ['number'])?.[0] as number | undefined;
      const rows = await listBills(app.database.db, {
        ...filter,
        open: open === 'true',
        ...(afterId === undefined ? {} : { afterId }),
        limit: size + 1,
      });
      markPersonsRead(request, [filter.personId, ...rows.slice(0, size).map((row) => row.personId)]);
      return toPage(rows, size, (row) => [row.id]);
    },
  );
  server.get(
    '/api/bills/:billNo',
    {
      schema: {
        tags,
        summary: 'One bill with its lines (one per person and month)',
        params: billNoParams,
        response: { 200: billDetail },
      },
      config: {
        access: accessTo('bills', 'read', billInParams(app)),
        // Its lines are each person's contributions for the month.
        personalData: {
          what: (request) => `bill ${(request.params as { billNo: string }).billNo}`,
          persons: 'handler',
        },
      },
    },
    async (request) => {
      const bill = await getBill(app.database.db, request.params.billNo);
      markPersonsRead(request, [bill.personId, ...bill.lines.map((line) => line.personId)]);
      return bill;
    },
  );
};
