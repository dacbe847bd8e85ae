import { z } from 'zod';
import { notAfter } from '../../http/cross-field-rules.ts';
import type { Scope } from '../../http/access.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idempotencyHeaders, replyIdempotently } from '../../http/idempotency-key.ts';
import { decodeCursor, pageLimit, pageQuery, pageReply, toPage } from '../../http/pagination.ts';
import { COLLECTION_WRITERS, STAFF_READERS } from '../../http/role-groups.ts';
import { idText, periodText, regionCodeText } from '../../http/shared.schemas.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { employerScope, personScope } from '../../http/scopes.ts';
import { findBillOwner, getBill, listBills } from './bill-queries.ts';

const tags = ['collection'];

const billSummary = z.object({
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
const billDetail = billSummary.extend({
  lines: z.array(
    z.object({
      personId: z.number().int().nullable(),
      period: z.string(),
      amounts: z.record(z.string(), z.number().int()),
    }),
  ),
});

const billsQuery = z
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

const runBody = z.strictObject({ regionCode: regionCodeText, period: periodText });
const adjustBody = z.strictObject({
  regionCode: regionCodeText,
  fromPeriod: periodText,
  toPeriod: periodText,
  employerId: z.number().int().positive().optional(),
});
const optionalKey = idempotencyHeaders.partial();

export const collectionRoutes: RoutePlugin = (server, app) => {
  const deps = () => ({ db: app.database.db, clock: app.clock, policy: app.policy });
  const regionOfBody = (request: { body: unknown }): Scope => ({
    regionCode: (request.body as { regionCode: string }).regionCode,
  });

  server.post(
    '/api/collection/runs',
    {
      schema: {
        tags,
        summary: 'Assess a month for a region: one bill per employer and flexible worker; safe to repeat',
        headers: optionalKey,
        body: runBody,
        response: {
          200: z.object({
            runId: z.number().int(),
            regionCode: z.string(),
            period: z.string(),
            payers: z.number().int(),
            personMonths: z.number().int(),
            bills: z.number().int(),
            totalFen: z.number().int(),
          }),
        },
      },
      config: { access: { roles: COLLECTION_WRITERS, scope: regionOfBody } },
    },
    async (request, reply) => {
      const work = () => app.workflows.runCollection(deps(), request.body);
      if (!request.headers['idempotency-key']) return work();
      return replyIdempotently(app.database.db, request, reply, 200, work, app.clock.now().toISOString());
    },
  );
  server.post(
    '/api/collection/adjustments',
    {
      schema: {
        tags,
        summary: 'Re-assess months already billed and bill the differences once',
        headers: optionalKey,
        body: adjustBody,
        response: {
          200: z.object({
            adjustmentBills: z.array(
              z.object({
                billNo: z.string(),
                period: z.string(),
                payerKey: z.string(),
                totalFen: z.number().int(),
              }),
            ),
            personMonthsChanged: z.number().int(),
          }),
        },
      },
      config: {
        access: { roles: COLLECTION_WRITERS, scope: regionOfBody },
        crossFieldRules: [notAfter('body', 'fromPeriod', 'toPeriod', 'toPeriod')],
      },
    },
    async (request, reply) => {
      const work = () => app.workflows.reassessMonths(deps(), request.body);
      if (!request.headers['idempotency-key']) return work();
      return replyIdempotently(app.database.db, request, reply, 200, work, app.clock.now().toISOString());
    },
  );
  server.post(
    '/api/collection/settlements',
    {
      schema: {
        tags,
        summary: 'Settle estimated months (SIL Art. 62) that have been declared since; safe to repeat',
        headers: optionalKey,
        body: z.strictObject({
          regionCode: regionCodeText,
          employerId: z.number().int().positive().optional(),
        }),
        response: {
          200: z.object({
            settlements: z.array(
              z.object({
                period: z.string(),
                payerKey: z.string(),
                assessedFen: z.number().int(),
                estimatedFen: z.number().int(),
                differenceFen: z.number().int(),
              }),
            ),
          }),
        },
      },
      config: { access: { roles: COLLECTION_WRITERS, scope: regionOfBody } },
    },
    async (request, reply) => {
      const work = () => app.workflows.settleEstimates(deps(), request.body);
      if (!request.headers['idempotency-key']) return work();
      return replyIdempotently(app.database.db, request, reply, 200, work, app.clock.now().toISOString());
    },
  );
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
        access: {
          roles: [...STAFF_READERS, 'employer_user', 'insured_person'],
          scope: (request) => {
            const query = request.query as { regionCode?: string; employerId?: number; personId?: number };
            if (query.employerId !== undefined) return employerScope(app, query.employerId);
            if (query.personId !== undefined) return personScope(app, query.personId);
            return { regionCode: query.regionCode! };
          },
        },
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
        params: z.strictObject({ billNo: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'is not a bill number') }),
        response: { 200: billDetail },
      },
      config: {
        access: {
          roles: [...STAFF_READERS, 'employer_user', 'insured_person'],
          scope: async (request) =>
            (await findBillOwner(app.database.db, (request.params as { billNo: string }).billNo)) ?? {},
        },
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
