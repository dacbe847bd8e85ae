import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app/index.ts';
import { accessTo } from '../../http/access-rules.ts';
import type { Scope } from '../../http/access.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { CSV_MEDIA_TYPES } from '../../http/body-media-types.ts';
import { pageLimit, pageQuery } from '../../http/pagination.ts';
import { regionInBody, regionInQuery } from '../../http/scopes.ts';
import { idText, regionCodeText } from '../../http/shared.schemas.ts';
import { actorOf } from './cards.routes.ts';
import { bankReturnSummary, batchView, productionBatchInput } from './cards.schemas.ts';

const tags = ['cards'];

/** The region of the batch in the path, for the access check (none: staff reach the 404). */
const batchInParams =
  (app: App) =>
  async (request: FastifyRequest): Promise<Scope> => {
    const region = await app.cards.regionOfBatch((request.params as { batchId: number }).batchId);
    return region ? { regionCodes: [region] } : {};
  };

/** Production batches sent to the card banks and the banks' return files (docs/RULES.md 18.6). */
export const cardProductionRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/cards/production-batches',
    {
      schema: {
        tags,
        summary:
          'Send the region’s approved cards to a card bank: one batch file (CSV, kept by SHA-256), the cards sent to the bank',
        body: productionBatchInput,
        response: { 201: batchView },
      },
      config: { access: accessTo('card-production', 'run', regionInBody) },
    },
    async (request, reply) => {
      reply.status(201);
      return app.cards.createProductionBatch(request.body, actorOf(request.principal!));
    },
  );
  server.get(
    '/api/cards/production-batches',
    {
      schema: {
        tags,
        summary: 'The region’s production batches, newest first',
        querystring: z.strictObject({
          regionCode: regionCodeText,
          beforeId: idText.optional(),
          limit: pageQuery.limit,
        }),
        response: { 200: z.object({ items: z.array(batchView) }) },
      },
      config: { access: accessTo('card-production', 'read', regionInQuery) },
    },
    async (request) => ({
      items: await app.cards.listBatches(
        request.query.regionCode,
        request.query.beforeId ?? Number.MAX_SAFE_INTEGER,
        pageLimit(request.query.limit),
      ),
    }),
  );
  server.get(
    '/api/cards/production-batches/:batchId/file',
    {
      schema: {
        tags,
        summary: 'A batch file as the card bank received it (CSV with its control row)',
        params: z.strictObject({ batchId: idText }),
      },
      // The bank's order, with every card holder's identity number: the officers who hand it over only.
      config: { access: accessTo('card-production', 'run', batchInParams(app)) },
    },
    async (request, reply) => {
      const { batch, bytes } = await app.cards.readBatchFile(request.params.batchId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${batch.fileName}"`)
        .header('x-content-sha256', batch.fileSha256)
        .send(bytes);
    },
  );
  server.post(
    '/api/cards/production-batches/:batchId/returns',
    {
      bodyLimit: 50_000_000,
      schema: {
        tags,
        summary:
          'Import the card bank’s return file of a batch (CSV: card_no, bank_account_no, produced_on); bad rows by line; the same file again changes nothing',
        params: z.strictObject({ batchId: idText }),
        body: z.string().min(1, 'send the return file as the body (Content-Type: text/csv)'),
        response: { 200: bankReturnSummary },
      },
      config: {
        access: accessTo('card-production', 'import-return', batchInParams(app)),
        bodyMediaTypes: CSV_MEDIA_TYPES,
      },
    },
    async (request) =>
      app.cards.importBankReturn(
        { batchId: request.params.batchId, content: request.body },
        actorOf(request.principal!),
      ),
  );
};
