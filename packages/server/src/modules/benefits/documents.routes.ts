import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { idText } from '../../http/shared.schemas.ts';
import { actorOf } from './applications.routes.ts';
import { applicationView } from './applications.schemas.ts';
import { applicationInParams } from './benefits.scopes.ts';
import { DOCUMENT_MEDIA_TYPES, MAX_DOCUMENT_BYTES } from './check-document.ts';

const tags = ['benefits'];

/** The files attached to an application: uploaded as the request body, read back as they were (docs/RULES.md 14.3). */
export const documentRoutes: RoutePlugin = (server, app) => {
  server.addContentTypeParser([...DOCUMENT_MEDIA_TYPES], { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  server.post(
    '/api/applications/:applicationId/documents',
    {
      // A little over the limit, so a file just too large gets the check's clear problem, not a bare 413.
      bodyLimit: MAX_DOCUMENT_BYTES + 1024,
      schema: {
        tags,
        summary: 'Attach a document (the body: a PDF, JPEG or PNG file, its type in Content-Type)',
        params: z.strictObject({ applicationId: idText }),
        querystring: z.strictObject({
          kind: z.string().trim().min(2).max(40),
          fileName: z.string().trim().min(1).max(200),
        }),
        body: z.instanceof(Buffer, {
          message: 'send the file as the body (Content-Type: application/pdf, image/jpeg or image/png)',
        }),
        response: { 201: applicationView },
      },
      config: {
        access: accessTo('benefit-applications', 'attach', applicationInParams(app)),
        bodyMediaTypes: DOCUMENT_MEDIA_TYPES,
      },
    },
    async (request, reply) => {
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      reply.status(201);
      return app.benefits.addDocument(
        request.params.applicationId,
        { kind: request.query.kind, fileName: request.query.fileName, mediaType, bytes: request.body },
        actorOf(request.principal!),
      );
    },
  );
  server.get(
    '/api/applications/:applicationId/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'A document of an application, as it was attached',
        params: z.strictObject({ applicationId: idText, documentId: idText }),
      },
      config: {
        access: accessTo('benefit-applications', 'read', applicationInParams(app)),
        personalData: { what: 'application document', persons: 'scope' },
      },
    },
    async (request, reply) => {
      const document = await app.benefits.readDocument(
        request.params.applicationId,
        request.params.documentId,
      );
      // Served as a download under a plain ASCII name: never rendered in the agency's origin.
      const asciiName = document.fileName.replace(/[^\w.-]/g, '_');
      reply
        .header('content-type', document.mediaType)
        .header('content-disposition', `attachment; filename="${asciiName}"`)
        .header('x-content-type-options', 'nosniff');
      return reply.send(document.bytes);
    },
  );
};
