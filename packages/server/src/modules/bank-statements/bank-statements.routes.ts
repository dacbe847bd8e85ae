import { NATIONAL_REGION } from '@shebao/domain';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app/index.ts';
import { coversRegion, type Scope } from '../../http/access.ts';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { CSV_MEDIA_TYPES } from '../../http/body-media-types.ts';
import { idempotencyHeaders, replyIdempotently } from '../../http/idempotency-key.ts';
import { idText } from '../../http/shared.schemas.ts';
import { payerCodeScope } from '../../http/scopes.ts';
import {
  importQuery,
  importSummary,
  resolveBody,
  resolvedRow,
  statementBody,
  unmatchedRows,
} from './bank-statements.schemas.ts';
import { listUnmatchedRows, regionOfRowPayer } from './unmatched-rows.ts';

const tags = ['bank statements'];

/**
 * The payer named in the body, and the payer the row's own code names (if registered): a reviewer must
 * act in both regions, so a row held for another region cannot be booked to a payer of this one.
 */
const rowAndPayerInRequest =
  (app: App) =>
  async (request: FastifyRequest): Promise<Scope> => {
    const named = await payerCodeScope(app, (request.body as { payerCode: string }).payerCode);
    const rowRegion = await regionOfRowPayer(app.database.db, (request.params as { rowId: number }).rowId);
    return rowRegion === undefined ? named : { ...named, regionCodes: [rowRegion] };
  };

export const bankStatementRoutes: RoutePlugin = (server, app) => {
  const deps = () => ({ db: app.database.db, clock: app.clock, policy: app.policy });
  server.post(
    '/api/bank-statements',
    {
      bodyLimit: 20_000_000,
      schema: {
        tags,
        summary: 'Import a bank statement (CSV body): known payers are paid, the rest wait for review',
        headers: idempotencyHeaders,
        querystring: importQuery,
        body: statementBody,
        response: { 200: importSummary },
      },
      // A statement may hold payers of any region: the import pays only those in the caller's regions,
      // the others wait for review by staff of their region (importBankStatement).
      config: { access: accessTo('bank-statements', 'import'), bodyMediaTypes: CSV_MEDIA_TYPES },
    },
    async (request, reply) => {
      const regionCodes = request.principal?.regionCodes ?? [];
      return replyIdempotently(
        app.database.db,
        request,
        reply,
        200,
        () =>
          app.workflows.importBankStatement(
            deps(),
            { fileName: request.query.fileName, content: request.body },
            {
              actsEverywhere: coversRegion(regionCodes, NATIONAL_REGION),
              mayActIn: (regionCode) => coversRegion(regionCodes, regionCode),
            },
          ),
        app.clock.now().toISOString(),
      );
    },
  );
  server.get(
    '/api/bank-statements/unmatched',
    {
      schema: {
        tags,
        summary: 'Statement rows waiting for review',
        response: { 200: unmatchedRows },
      },
      config: { access: accessTo('bank-statements', 'read-unmatched') },
    },
    async () => ({ items: await listUnmatchedRows({ db: app.database.db }) }),
  );
  server.post(
    '/api/bank-statements/unmatched/:rowId/resolve',
    {
      schema: {
        tags,
        summary: 'Name the payer of a row waiting for review; the transfer is recorded as their payment',
        headers: idempotencyHeaders,
        params: z.strictObject({ rowId: idText }),
        body: resolveBody,
        response: { 200: resolvedRow },
      },
      config: { access: accessTo('bank-statements', 'resolve', rowAndPayerInRequest(app)) },
    },
    async (request, reply) =>
      replyIdempotently(
        app.database.db,
        request,
        reply,
        200,
        () =>
          app.workflows.resolveUnmatchedRow(deps(), {
            rowId: request.params.rowId,
            payerCode: request.body.payerCode,
          }),
        app.clock.now().toISOString(),
      ),
  );
};
