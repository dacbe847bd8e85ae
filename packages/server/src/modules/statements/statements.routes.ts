import { z } from 'zod';
import { notAfter, type CrossFieldRule } from '../../http/cross-field-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { STAFF_READERS, STATEMENT_ISSUERS } from '../../http/role-groups.ts';
import { decodeCursor, pageLimit, pageQuery, pageReply, toPage } from '../../http/pagination.ts';
import { idText, periodText } from '../../http/shared.schemas.ts';
import { personScope } from '../../http/scopes.ts';
import { listStatementsOfPerson, statementSummary } from './list-statements.ts';
import { STATEMENT_LANGUAGES, issuedStatement } from './statements.schemas.ts';
import {
  issueContributionCertificate,
  issueRightsStatement,
  statementOwner,
  statementPdf,
} from './statements.service.ts';

const tags = ['statements'];

const issueBody = z
  .strictObject({
    /** rights: the yearly rights statement (SIL Art. 74); certificate: contributions over a range (Art. 4). */
    kind: z.enum(['rights', 'certificate']),
    year: z.number().int('must be a whole number').min(1990).max(2200).optional(),
    from: periodText.optional(),
    to: periodText.optional(),
  })
  .refine((body) => body.kind !== 'rights' || (body.year !== undefined && !body.from && !body.to), {
    message: 'a rights statement is for one year: give year, not from/to',
    path: ['year'],
  })
  .refine((body) => body.kind !== 'certificate' || body.year === undefined, {
    message: 'a certificate covers from/to (by default the whole record), not a year',
    path: ['year'],
  })
  .refine((body) => !body.from || !body.to || body.from <= body.to, {
    message: 'must not be after to',
    path: ['from'],
  });

/** The body's rules across fields, in the OpenAPI document (http/cross-field-rules.ts). */
const STATEMENT_RULES: CrossFieldRule[] = [
  {
    in: 'body',
    field: 'year',
    rule: 'kind "rights": year is required and from/to are not allowed; kind "certificate": year is not allowed',
    jsonSchema: {
      if: { properties: { kind: { const: 'rights' } }, required: ['kind'] },
      then: { required: ['year'], not: { anyOf: [{ required: ['from'] }, { required: ['to'] }] } },
      else: { not: { required: ['year'] } },
    },
  },
  notAfter('body', 'from', 'to'),
];

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
        body: issueBody,
        response: { 201: issuedStatement },
      },
      config: {
        crossFieldRules: STATEMENT_RULES,
        access: {
          roles: [...STATEMENT_ISSUERS, 'insured_person'],
          scope: (request) => personScope(app, (request.params as { personId: number }).personId),
        },
        personalData: {
          what: (request) => `statement issued (${(request.body as { kind: string }).kind})`,
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
        access: {
          roles: [...STAFF_READERS, 'insured_person'],
          scope: (request) => personScope(app, (request.params as { personId: number }).personId),
        },
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
        response: {
          200: z.object({ algorithm: z.literal('Ed25519'), keyId: z.string(), publicKeyPem: z.string() }),
        },
      },
      config: { access: { roles: 'public' } },
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
        params: z.strictObject({
          code: z.string().regex(/^[0-9A-Za-z-]{16,19}$/, 'is not a verification code'),
        }),
        querystring: z.strictObject({ lang: z.enum(STATEMENT_LANGUAGES).optional() }),
        response: {
          200: { description: 'The PDF', content: { 'application/pdf': { schema: z.string() } } },
        },
      },
      config: {
        access: {
          roles: [...STAFF_READERS, 'insured_person'],
          scope: async (request) => {
            const personId = await statementOwner(app.database.db, (request.params as { code: string }).code);
            return personId === undefined ? {} : personScope(app, personId);
          },
        },
        personalData: {
          what: (request) => `statement ${(request.params as { code: string }).code} (PDF)`,
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
