import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app/index.ts';
import type { Scope } from '../../http/access.ts';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { decodeCursor, pageLimit, pageQuery, pageReply, toPage } from '../../http/pagination.ts';
import { idText } from '../../http/shared.schemas.ts';
import { personInParams, personScope } from '../../http/scopes.ts';
import { listStatementsOfPerson, statementSummary } from './list-statements.ts';
import {
  issuedStatement,
  issueStatementBody,
  publicKeyReply,
  STATEMENT_RULES,
  statementPdfParams,
  statementPdfQuery,
} from './statements.schemas.ts';
import {
  issueContributionCertificate,
  issueRightsStatement,
  statementOwner,
  statementPdf,
} from './statements.service.ts';

const tags = ['statements'];

/** A statement's PDF is about the person it was issued to: the owner of the path's `:code`. */
const statementOwnerInParams =
  (app: App) =>
  async (request: FastifyRequest): Promise<Scope> => {
    const { code } = request.params as z.output<typeof statementPdfParams>;
    const personId = await statementOwner(app.database.db, code);
    return personId === undefined ? {} : personScope(app, personId);
  };

/** Signed statements: issued for the person (by them or by staff), downloaded as PDF, checked by anyone. */
export const statementRoutes: RoutePlugin = (server, app, { signingKey }) => {
  const deps = {
    db: app.database.db,
    clock: app.clock,
    signingKey,
    publicBaseUrl: app.config.publicBaseUrl,
  };
  server.post(
    '/api/persons/:personId/statements',
    {
      schema: {
        tags,
        summary: 'Issue a signed rights statement (a year) or contribution certificate (a range)',
        params: z.strictObject({ personId: idText }),
        body: issueStatementBody,
        response: { 201: issuedStatement },
      },
      config: {
        crossFieldRules: STATEMENT_RULES,
        access: accessTo('statements', 'issue', personInParams(app)),
        personalData: {
          what: (request) =>
            `statement issued (${(request.body as z.output<typeof issueStatementBody>).kind})`,
          persons: 'scope',
        },
      },
    },
    async (request, reply) => {
      const { personId } = request.params;
      const { kind, year, from, to } = request.body;
      const issued =
        kind === 'rights'
          ? await issueRightsStatement(deps, { personId, year: year! })
          : await issueContributionCertificate(deps, {
              personId,
              ...(from ? { from } : {}),
              ...(to ? { to } : {}),
            });
      reply.status(201);
      return issued;
    },
  );
  server.get(
    '/api/persons/:personId/statements',
    {
      schema: {
        tags,
        summary: 'The statements issued to a person, newest first (cursor pages)',
        params: z.strictObject({ personId: idText }),
        querystring: z.strictObject(pageQuery),
        response: { 200: pageReply(statementSummary) },
      },
      config: {
        access: accessTo('statements', 'read', personInParams(app)),
        personalData: { what: 'list of statements', persons: 'scope' },
      },
    },
    async (request) => {
      const size = pageLimit(request.query.limit);
      const beforeId = decodeCursor(request.query.cursor, ['number'])?.[0] as number | undefined;
      const rows = await listStatementsOfPerson(deps, {
        personId: request.params.personId,
        ...(beforeId === undefined ? {} : { beforeId }),
        limit: size + 1,
      });
      return toPage(rows, size, (row) => [row.id]);
    },
  );
  server.get(
    '/api/statements/public-key',
    {
      schema: {
        tags,
        summary: 'The public key statements are signed with (Ed25519, SPKI PEM), to check them offline',
        response: { 200: publicKeyReply },
      },
      config: { access: accessTo('service', 'describe') },
    },
    async () => ({
      algorithm: 'Ed25519' as const,
      keyId: signingKey.keyId,
      publicKeyPem: signingKey.publicKeyPem,
    }),
  );
  server.get(
    '/api/statements/:code.pdf',
    {
      schema: {
        tags,
        summary: 'An issued statement as PDF (zh or en), rendered from what was signed',
        params: statementPdfParams,
        querystring: statementPdfQuery,
        response: {
          200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string() } } },
        },
      },
      config: {
        access: accessTo('statements', 'read', statementOwnerInParams(app)),
        personalData: {
          what: (request) =>
            `statement ${(request.params as z.output<typeof statementPdfParams>).code} (PDF)`,
          persons: 'scope',
        },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const lang = request.query.lang ?? 'zh';
      const pdf = await statementPdf(
        {
          db: app.database.db,
          publicKey: signingKey.publicKey,
          keyId: signingKey.keyId,
          publicBaseUrl: deps.publicBaseUrl,
        },
        { code, lang },
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="statement-${code}-${lang}.pdf"`)
        .send(pdf as never); // bytes go out as they are; the schema only documents them
    },
  );
};
