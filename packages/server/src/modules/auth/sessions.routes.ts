import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../app/index.ts';
import { SESSION_COOKIE } from '../../http/access.ts';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { okReply } from '../../http/shared.schemas.ts';
import type { NewSession } from './auth.service.ts';
import {
  currentUserReply,
  employerLoginInput,
  noticesReply,
  personLoginInput,
  sessionReply,
  staffLoginInput,
} from './auth.schemas.ts';

const tags = ['auth'];

/**
 * The cookie lives as long as the session, counted from now (Max-Age) rather than as an instant
 * (Expires): the browser measures it with its own clock, which need not agree with the agency's.
 */
function startSession(app: App, request: FastifyRequest, reply: FastifyReply, session: NewSession) {
  reply.setCookie(SESSION_COOKIE, session.sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure over TLS, and always when the public address is https (a TLS proxy in front, whether or not
    // its forwarded headers are trusted): docs/OPERATIONS.md, "Behind a proxy".
    secure: request.protocol === 'https' || app.config.publicBaseUrl.startsWith('https://'),
    maxAge: Math.max(0, Math.floor((Date.parse(session.expiresAt) - app.clock.now().getTime()) / 1000)),
  });
  return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

/** Logins per kind of account, logout, the caller's notices, and who am I. */
export const sessionRoutes: RoutePlugin = (server, app, settings) => {
  const loginConfig = {
    access: accessTo('session', 'open'),
    rateLimit: { max: settings.loginRateLimit, timeWindow: '1 minute' },
  };
  server.post(
    '/api/auth/login/person',
    {
      schema: {
        tags,
        summary: 'Insured person logs in with identity number and password',
        body: personLoginInput,
        response: { 200: sessionReply },
      },
      config: loginConfig,
    },
    async (request, reply) =>
      startSession(app, request, reply, await app.auth.loginPerson(request.body, request.ip)),
  );
  server.post(
    '/api/auth/login/employer',
    {
      schema: {
        tags,
        summary: 'Employer user logs in with credit code, user name and password',
        body: employerLoginInput,
        response: { 200: sessionReply },
      },
      config: loginConfig,
    },
    async (request, reply) =>
      startSession(app, request, reply, await app.auth.loginEmployer(request.body, request.ip)),
  );
  server.post(
    '/api/auth/login/staff',
    {
      schema: {
        tags,
        summary: 'Agency staff log in with user name and password',
        body: staffLoginInput,
        response: { 200: sessionReply },
      },
      config: loginConfig,
    },
    async (request, reply) =>
      startSession(app, request, reply, await app.auth.loginStaff(request.body, request.ip)),
  );
  server.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: 'End the session', response: { 200: okReply } },
      config: { access: accessTo('session', 'close') },
    },
    async (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) await app.auth.logout(sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
  server.get(
    '/api/auth/notices',
    {
      schema: {
        tags,
        summary: "Notices about the caller's own account (repeated failed logins), newest first",
        response: { 200: noticesReply },
      },
      config: { access: accessTo('session', 'read') },
    },
    async (request) => ({ items: await app.auth.notices(request.principal!.userId) }),
  );
  server.get(
    '/api/auth/me',
    {
      schema: { tags, summary: 'The account making the request', response: { 200: currentUserReply } },
      config: { access: accessTo('session', 'read') },
    },
    // The session's CSRF token comes along so that every tab sharing the cookie can write, not only the
    // tab that logged in (a tab opened later, or one whose session was renewed in another tab).
    async (request) => ({
      ...(await app.auth.getUser(request.principal!.userId)),
      csrfToken: request.principal!.csrfToken,
    }),
  );
};
