import type { FastifyInstance } from 'fastify';
import { AppError, ErrorCode } from '../errors/index.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The media types the route takes as its body; JSON when not given. The server parses CSV text and
     * Excel workbooks for the file uploads, and every other route refuses them with 415 rather than
     * failing their JSON schema with a 400 that blames the body's fields.
     */
    bodyMediaTypes?: readonly string[];
  }
}

const JSON_ONLY = ['application/json'] as const;
/** CSV uploads: spreadsheet programs and curl send either. */
export const CSV_MEDIA_TYPES = ['text/csv', 'text/plain'] as const;

/** The media type of a Content-Type header, without parameters, lower-case. */
function mediaTypeOf(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/**
 * Refuses, before the body is read, a body in a media type the route does not take: 415 naming the
 * types it takes (RFC 9110 §15.5.16).
 */
export function installBodyMediaTypeCheck(server: FastifyInstance): void {
  server.addHook('preParsing', async (request, _reply, payload) => {
    const contentType = request.headers['content-type'];
    if (contentType === undefined || request.method === 'GET' || request.method === 'HEAD') return payload;
    const accepted = request.routeOptions.config?.bodyMediaTypes ?? JSON_ONLY;
    const mediaType = mediaTypeOf(contentType);
    if (!accepted.includes(mediaType)) {
      throw new AppError(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        `content-type: this route takes ${accepted.join(' or ')}, not ${mediaType || 'an empty type'}`,
        { field: 'content-type' },
      );
    }
    return payload;
  });
}
