import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorCode, PROBLEM_CONTENT_TYPE, toProblemDetails } from '../errors/index.ts';
import { toHttpError } from './to-http-error.ts';

/** Sends an AppError as RFC 9457 problem details. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const problem = toProblemDetails(error, { instance: request.url.split('?')[0] ?? request.url });
  if (error.code === ErrorCode.RATE_LIMITED || error.code === ErrorCode.UNAVAILABLE) {
    reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
  }
  return reply.status(problem.status).type(PROBLEM_CONTENT_TYPE).serializer(JSON.stringify).send(problem);
}

/**
 * Every failure leaves as problem+json: the client sees the code, the reason and the field; the stack and
 * the cause only go to the log, and only a real bug is a 500.
 */
export function installErrorHandling(server: FastifyInstance): void {
  server.setErrorHandler((error, request, reply) => {
    const appError = isBodyTooLarge(error)
      ? new AppError(
          ErrorCode.PAYLOAD_TOO_LARGE,
          `body: is larger than this route takes, at most ${describeBytes(request.routeOptions.bodyLimit ?? request.server.initialConfig.bodyLimit ?? 0)}`,
          { field: 'body', cause: error },
        )
      : toHttpError(error);
    if (appError.code === ErrorCode.INTERNAL) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code, detail: appError.message }, 'request refused');
    return sendProblem(request, reply, appError);
  });
  server.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    // A known path asked with another method is a 405 with the methods it takes (RFC 9110 §15.5.6).
    const allowed = methodsOfPath(server, path);
    if (allowed.length) {
      reply.header('allow', allowed.join(', '));
      return sendProblem(
        request,
        reply,
        new AppError(
          ErrorCode.METHOD_NOT_ALLOWED,
          `${path} takes ${allowed.join(', ')}, not ${request.method}`,
        ),
      );
    }
    return sendProblem(
      request,
      reply,
      new AppError(ErrorCode.NOT_FOUND, `no route ${request.method} ${path}`, { detailCode: 'no-route' }),
    );
  });
}

/** The methods the API routes take at a concrete path (":name" matches one path segment). */
function methodsOfPath(server: FastifyInstance, path: string): string[] {
  const routes = (server as { apiRoutes?: readonly { method: string; url: string }[] }).apiRoutes ?? [];
  const methods = new Set<string>();
  for (const route of routes) {
    const pattern = route.url
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    if (new RegExp(`^${pattern}$`).test(path)) methods.add(route.method);
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

function isBodyTooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'FST_ERR_CTP_BODY_TOO_LARGE';
}

/** A byte limit as a person reads it: "1048576 bytes (1 MiB)". */
export function describeBytes(bytes: number): string {
  const mebibytes = bytes / 1_048_576;
  if (mebibytes >= 1) return `${bytes} bytes (${Number(mebibytes.toFixed(1))} MiB)`;
  return `${bytes} bytes (${Number((bytes / 1024).toFixed(1))} KiB)`;
}
