import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../app/index.ts';
import { accessTo } from '../../http/access-rules.ts';
import type { Scope } from '../../http/access.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { CSV_MEDIA_TYPES } from '../../http/body-media-types.ts';
import { pageLimit, pageQuery } from '../../http/pagination.ts';
import { personInParams, regionInBody, regionInQuery } from '../../http/scopes.ts';
import { idText, regionCodeText } from '../../http/shared.schemas.ts';
import {
  bankReturnSummary,
  payrollRunInput,
  payrollRunView,
  pensionPaymentsView,
} from './payroll.schemas.ts';

const tags = ['payroll'];

/** The region of the run or bank file in the path, for the access check (none: staff reach the 404). */
const runInParams =
  (app: App) =>
  async (request: FastifyRequest): Promise<Scope> => {
    const region = await app.payroll.regionOfRun((request.params as { runId: number }).runId);
    return region ? { regionCodes: [region] } : {};
  };
const fileInParams =
  (app: App) =>
  async (request: FastifyRequest): Promise<Scope> => {
    const region = await app.payroll.regionOfBankFile((request.params as { fileId: number }).fileId);
    return region ? { regionCodes: [region] } : {};
  };

/** The monthly payroll, its bank files and the banks' returns; a person's pension payments (docs/RULES.md 14.14–14.18). */
export const payrollRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/payroll/runs',
    {
      schema: {
        tags,
        summary:
          'Start (or resume) a region’s monthly payroll in the background; progress is read from the run',
        body: payrollRunInput,
        response: { 202: payrollRunView, 200: payrollRunView },
      },
      config: { access: accessTo('payroll', 'run', regionInBody) },
    },
    async (request, reply) => {
      const { run, started } = await app.payroll.start(request.body, request.principal!.loginKey);
      reply.status(started ? 202 : 200);
      return run;
    },
  );
  server.get(
    '/api/payroll/runs',
    {
      schema: {
        tags,
        summary: 'A region’s payroll runs, newest first, with their bank files',
        querystring: z.strictObject({
          regionCode: regionCodeText,
          beforeId: idText.optional(),
          limit: pageQuery.limit,
        }),
        response: { 200: z.object({ items: z.array(payrollRunView) }) },
      },
      config: { access: accessTo('payroll', 'read', regionInQuery) },
    },
    async (request) => ({
      items: await app.payroll.list({
        regionCode: request.query.regionCode,
        limit: pageLimit(request.query.limit),
        ...(request.query.beforeId !== undefined ? { beforeId: request.query.beforeId } : {}),
      }),
    }),
  );
  server.get(
    '/api/payroll/runs/:runId',
    {
      schema: {
        tags,
        summary: 'One payroll run: its step, progress, totals and bank files',
        params: z.strictObject({ runId: idText }),
        response: { 200: payrollRunView },
      },
      config: { access: accessTo('payroll', 'read', runInParams(app)) },
    },
    async (request) => app.payroll.get(request.params.runId),
  );
  server.get(
    '/api/payroll/bank-files/:fileId',
    {
      schema: {
        tags,
        summary: 'An issued bank payment file (CSV with its control row), as the bank received it',
        params: z.strictObject({ fileId: idText }),
      },
      // The bank's instruction, for the officers who hand it over (docs/RULES.md 14.16): not a read of any
      // one person's record, and not open to the readers of runs.
      config: { access: accessTo('payroll', 'read-bank-file', fileInParams(app)) },
    },
    async (request, reply) => {
      const { file, bytes } = await app.payroll.readBankFile(request.params.fileId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-content-sha256', file.sha256 ?? '')
        .send(bytes);
    },
  );
  server.post(
    '/api/payroll/bank-files/:fileId/returns',
    {
      bodyLimit: 50_000_000,
      schema: {
        tags,
        summary:
          'Import the bank’s return file for a payment file (CSV: reference, status, reason); failed payments come back',
        params: z.strictObject({ fileId: idText }),
        body: z.string().min(1, 'send the return file as the body (Content-Type: text/csv)'),
        response: { 200: bankReturnSummary },
      },
      config: {
        access: accessTo('payroll', 'import-return', fileInParams(app)),
        bodyMediaTypes: CSV_MEDIA_TYPES,
      },
    },
    async (request) =>
      app.payroll.importBankReturn({
        bankFileId: request.params.fileId,
        content: request.body,
        importedBy: request.principal!.loginKey,
      }),
  );
  server.get(
    '/api/persons/:personId/pension-payments',
    {
      schema: {
        tags,
        summary:
          'A person’s pension payments: state, next payment, months paid with their split, arrears, claims, one-time payments',
        params: z.strictObject({ personId: idText }),
        response: { 200: pensionPaymentsView },
      },
      config: {
        access: accessTo('pension-payments', 'read', personInParams(app)),
        personalData: { what: 'pension payments', persons: 'scope' },
      },
    },
    async (request) => app.payroll.paymentsOf(request.params.personId),
  );
};
