import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { decodeCursor, pageLimit, pageQuery, pageReply, toPage } from '../../http/pagination.ts';
import { idText } from '../../http/shared.schemas.ts';
import { newTokenInput, newTokenReply, tokenView } from './auth.schemas.ts';

const tags = ['auth'];

/** Bearer API tokens: issued by an administrator, listed and revoked by those who hold or administer them. */
export const apiTokenRoutes: RoutePlugin = (server, app) => {
  server.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary:
          "Issue a bearer API token acting as the caller, or as a system account within the caller's regions",
        body: newTokenInput,
        response: { 201: newTokenReply },
      },
      config: { access: accessTo('api-tokens', 'issue') },
    },
    async (request, reply) => {
      reply.status(201);
      return app.auth.createApiToken(request.body, request.principal!);
    },
  );
  server.get(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary:
          "API tokens the caller holds, issued, or administers (system accounts in the caller's regions), newest first",
        querystring: z.strictObject(pageQuery),
        response: { 200: pageReply(tokenView) },
      },
      config: { access: accessTo('api-tokens', 'read') },
    },
    async (request) => {
      const size = pageLimit(request.query.limit);
      const beforeId = decodeCursor(request.query.cursor, ['number'])?.[0] as number | undefined;
      const rows = await app.auth.listApiTokens(request.principal!, {
        ...(beforeId === undefined ? {} : { beforeId }),
        limit: size + 1,
      });
      return toPage(rows, size, (row) => [row.id]);
    },
  );
  server.post(
    '/api/auth/tokens/:tokenId/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke an API token the caller holds, issued, or administers',
        params: z.strictObject({ tokenId: idText }),
        response: { 200: tokenView },
      },
      config: { access: accessTo('api-tokens', 'revoke') },
    },
    async (request) => app.auth.revokeApiToken(request.params.tokenId, request.principal!),
  );
};
