import type { FastifyInstance } from 'fastify';
import { presentStatement } from './present-statement.ts';
import { STATEMENT_LANGUAGES } from './statements.schemas.ts';
import { verifyStatement, type VerificationDeps } from './statements.service.ts';
import { renderVerificationPage, verificationPageLanguage } from './verification-page.ts';

/**
 * The PUBLIC verification page, no login: `GET /verify/:code` answers HTML for people (in their language:
 * `?lang=zh|en`, else Accept-Language) and JSON (the
 * StatementVerification shape) when the Accept header prefers application/json. 200 for a known code,
 * valid or not (`status` and `valid` say which); 404 for an unknown code. The JSON carries `views`, the
 * statement laid out in Chinese and English exactly as the HTML page shows it (null without a document), so
 * the web app's verify page shows the same content whether reached by the QR link or by a typed code. Use as
 * `await registerVerificationRoutes(server, deps)` or `server.register(registerVerificationRoutes, deps)`.
 */
export async function registerVerificationRoutes(
  server: FastifyInstance,
  deps: VerificationDeps,
): Promise<void> {
  // A public page rather than an API operation: left out of the OpenAPI document (the web app types it).
  server.get<{ Params: { code: string }; Querystring: { lang?: string } }>(
    '/verify/:code',
    { schema: { hide: true } },
    async (request, reply) => {
      const verification = await verifyStatement(deps, request.params.code);
      reply
        .code(verification.status === 'unknown' ? 404 : 200)
        .header('cache-control', 'no-store')
        .header('x-robots-tag', 'noindex')
        .header('vary', 'accept');
      if (prefersJson(request.headers.accept)) {
        const { document } = verification;
        const views = document
          ? Object.fromEntries(STATEMENT_LANGUAGES.map((lang) => [lang, presentStatement(document, lang)]))
          : null;
        return reply.type('application/json; charset=utf-8').send({ ...verification, views });
      }
      const lang = verificationPageLanguage(request.query.lang, request.headers['accept-language']);
      reply.header('vary', 'accept, accept-language');
      return reply.type('text/html; charset=utf-8').send(renderVerificationPage(verification, lang));
    },
  );
}

/** JSON when the client asks for it ahead of (or without) HTML; browsers send text/html first. */
function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const json = accept.indexOf('application/json');
  if (json < 0) return false;
  const html = accept.indexOf('text/html');
  return html < 0 || json < html;
}
