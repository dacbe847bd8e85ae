import type { FastifyRequest } from 'fastify';
import { notAfter } from '../../http/cross-field-rules.ts';
import { z } from 'zod';
import type { RoutePlugin } from '../../http/api-server.ts';
import { accessTo } from '../../http/access-rules.ts';
import { idText } from '../../http/shared.schemas.ts';
import { personInParams } from '../../http/scopes.ts';
import { rightsRecordToCsv } from './export-csv.ts';
import { rightsRecordQuery, rightsRecordReply, type RightsRecord } from './rights-record.schemas.ts';
import { serializeRecord } from './serialize-record.ts';
import { rightsRecord, rightsRecordForYear } from './rights-record.service.ts';

function wantsCsv(format: 'json' | 'csv' | undefined, accept: string | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  if (!accept) return false;
  const csv = accept.indexOf('text/csv');
  if (csv < 0) return false;
  const json = accept.indexOf('application/json');
  return json < 0 || csv < json;
}

function csvFileName(record: RightsRecord): string {
  const span =
    record.from.slice(0, 4) === record.to.slice(0, 4) &&
    record.from.endsWith('-01') &&
    record.to.endsWith('-12')
      ? record.from.slice(0, 4)
      : `${record.from}_${record.to}`;
  return `rights-record-${record.person.personId}-${span}.csv`;
}

function describeRead(request: FastifyRequest): string {
  const { year, from, to, format } = request.query as z.output<typeof rightsRecordQuery>;
  const span =
    year !== undefined ? ` ${year}` : from || to ? ` ${from ?? '…'} to ${to ?? '…'}` : ' (whole record)';
  return `rights record${span}${format === 'csv' ? ' as CSV' : ''}`;
}

/** A person's rights record (SIL Art. 4) as JSON or CSV: the person themself, or staff of the region. */
export const rightsRecordRoutes: RoutePlugin = (server, app) => {
  const deps = { db: app.database.db, clock: app.clock };
  server.get(
    '/api/persons/:personId/rights-record',
    {
      schema: {
        tags: ['inquiry'],
        summary:
          "A person's contributions month by month per payer, paid or owed, account years, gaps and overlaps",
        description:
          '`year=YYYY` for a calendar year, `from`/`to` (YYYY-MM) for a range, neither for the whole record. ' +
          '`format=csv` or `Accept: text/csv` for the months as CSV (amounts in yuan).',
        params: z.strictObject({ personId: idText }),
        querystring: rightsRecordQuery,
        response: {
          200: {
            description: 'The record',
            content: {
              'application/json': { schema: rightsRecordReply },
              'text/csv': { schema: z.string() },
            },
          },
        },
      },
      config: {
        crossFieldRules: [
          { in: 'query', field: 'year', rule: 'give either year or a from/to range, not both' },
          notAfter('query', 'from', 'to'),
        ],
        access: accessTo('rights-record', 'read', personInParams(app)),
        personalData: { what: describeRead, persons: 'scope' },
      },
    },
    async (request, reply) => {
      const { personId } = request.params;
      const { year, from, to, format } = request.query;
      // No month beyond the horizon (docs/RULES.md 10.5).
      for (const [field, period] of [
        ['query.from', from],
        ['query.to', to],
      ] as const)
        if (period) await app.policy.checkPeriod(period, field);
      const record =
        year !== undefined
          ? await rightsRecordForYear(deps, personId, year)
          : await rightsRecord(deps, { personId, ...(from ? { from } : {}), ...(to ? { to } : {}) });
      if (wantsCsv(format, request.headers.accept)) {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${csvFileName(record)}"`)
          .send(rightsRecordToCsv(record));
      }
      return reply
        .type('application/json; charset=utf-8')
        .serializer(serializeRecord as (payload: unknown) => string)
        .send(record);
    },
  );
};
