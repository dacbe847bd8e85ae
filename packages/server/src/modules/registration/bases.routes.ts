import { AppError, ErrorCode } from '../../errors/index.ts';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { CSV_MEDIA_TYPES } from '../../http/body-media-types.ts';
import { markPersonsRead } from '../../http/personal-data.ts';
import { employerInParams } from '../../http/scopes.ts';
import { approval } from '../approvals/index.ts';
import { readBaseCsv, readBaseXlsx, writeBaseCsv, writeBaseXlsx, XLSX_CONTENT_TYPE } from './base-file.ts';
import {
  baseFileParams,
  baseFileQuery,
  baseFileReply,
  baseRules,
  baseTemplateQuery,
  baseTemplateReply,
  csvBody,
  declareBaseBody,
  latestBasesParams,
  latestBasesReply,
  xlsxBody,
} from './bases.schemas.ts';
import { proposeBaseCorrection } from './propose-base-correction.ts';
import { registrationReply } from './records.schemas.ts';
import { employerOrPersonInBody } from './registration.scopes.ts';

const tags = ['registration'];

/**
 * Yearly contribution bases: an employer's latest bases, its base file (CSV or .xlsx, all rows or none)
 * and the template to fill in, one employee's base, and a correction, which needs a second person.
 */
export const baseRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/employers/:employerId/bases/:cycleStart',
    {
      schema: {
        tags,
        summary: 'The latest declared base of each employee for a contribution year',
        params: latestBasesParams,
        response: { 200: latestBasesReply },
      },
      config: {
        access: accessTo('bases', 'read', employerInParams(app)),
        personalData: { what: 'declared contribution bases', persons: 'handler' },
      },
    },
    async (request) => {
      const items = await app.registration.listLatestBases(
        request.params.employerId,
        request.params.cycleStart,
      );
      markPersonsRead(
        request,
        items.map((item) => item.personId),
      );
      return { items };
    },
  );
  // Excel workbooks arrive as bytes (CSV arrives as text, see build-server.ts).
  server.addContentTypeParser(XLSX_CONTENT_TYPE, { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  server.post(
    '/api/employers/:employerId/bases.csv',
    {
      bodyLimit: 20_000_000,
      schema: {
        tags,
        summary:
          'Declare the yearly bases from a CSV file (id-number, declared in yuan); all rows or none, errors by line',
        params: baseFileParams,
        querystring: baseFileQuery,
        body: csvBody,
        response: { 200: baseFileReply, 422: baseFileReply },
      },
      config: {
        access: accessTo('bases', 'declare', employerInParams(app)),
        bodyMediaTypes: CSV_MEDIA_TYPES,
      },
    },
    async (request, reply) => {
      const result = await app.registration.declareBaseFile(readBaseCsv(request.body), {
        employerId: request.params.employerId,
        cycleStart: request.query.cycleStart,
        dryRun: request.query.dryRun === 'true',
      });
      if (!result.ok) reply.status(422);
      return result;
    },
  );
  server.post(
    '/api/employers/:employerId/bases.xlsx',
    {
      bodyLimit: 20_000_000,
      schema: {
        tags,
        summary:
          'Declare the yearly bases from an Excel workbook (first sheet: id-number, declared in yuan); all rows or none, errors by line',
        params: baseFileParams,
        querystring: baseFileQuery,
        body: xlsxBody,
        response: { 200: baseFileReply, 422: baseFileReply },
      },
      config: {
        access: accessTo('bases', 'declare', employerInParams(app)),
        bodyMediaTypes: [XLSX_CONTENT_TYPE],
      },
    },
    async (request, reply) => {
      const result = await app.registration.declareBaseFile(await readBaseXlsx(request.body), {
        employerId: request.params.employerId,
        cycleStart: request.query.cycleStart,
        dryRun: request.query.dryRun === 'true',
      });
      if (!result.ok) reply.status(422);
      return result;
    },
  );
  server.get(
    '/api/employers/:employerId/bases-template',
    {
      schema: {
        tags,
        summary:
          "A base file to fill in: the year's staff with full identity numbers and the bases declared so far (xlsx or csv)",
        params: baseFileParams,
        querystring: baseTemplateQuery,
        response: { 200: baseTemplateReply },
      },
      config: {
        access: accessTo('bases', 'template', employerInParams(app)),
        personalData: { what: 'base file template (staff identity numbers)', persons: 'handler' },
      },
    },
    async (request, reply) => {
      const { employerId } = request.params;
      const { cycleStart, format } = request.query;
      const rows = await app.registration.baseFileTemplate(employerId, cycleStart);
      markPersonsRead(
        request,
        rows.map((row) => row.personId),
      );
      const fileName = `bases-${employerId}-${cycleStart}.${format}`;
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(writeBaseCsv(rows));
      // bytes go out as they are; the schema only documents them
      return reply.type(XLSX_CONTENT_TYPE).send((await writeBaseXlsx(rows)) as never);
    },
  );
  server.post(
    '/api/bases',
    {
      schema: {
        tags,
        summary:
          "Declare one employee's base for a contribution year (a correction goes to /api/bases/corrections)",
        body: declareBaseBody,
        response: { 201: registrationReply },
      },
      config: {
        access: accessTo('bases', 'declare', employerOrPersonInBody(app)),
        crossFieldRules: baseRules,
      },
    },
    async (request, reply) => {
      if (request.body.source === 'correction')
        throw new AppError(
          ErrorCode.RULE_VIOLATION,
          "source: a corrected base needs a second person's approval: propose it with POST /api/bases/corrections",
          { field: 'source', detailCode: 'correction-needs-approval' },
        );
      reply.status(201);
      return (await app.registration.declareBase(request.body)) as unknown as Record<string, unknown>;
    },
  );
  server.post(
    '/api/bases/corrections',
    {
      schema: {
        tags,
        summary:
          "Propose a corrected base for an employee's contribution year; it applies when a second collection officer approves it",
        body: declareBaseBody,
        response: { 202: approval },
      },
      config: {
        access: accessTo('bases', 'correct', employerOrPersonInBody(app)),
        crossFieldRules: baseRules,
      },
    },
    async (request, reply) => {
      // The access check found the employer (or person) the body names: the proposal is of its region.
      const proposal = await proposeBaseCorrection(
        app.approvals,
        request.body,
        request.accessScope?.regionCode,
        request.principal!,
      );
      reply.status(202);
      return proposal;
    },
  );
};
