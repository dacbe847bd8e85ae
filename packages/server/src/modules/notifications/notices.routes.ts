import { z } from 'zod';
import type { RouteAccess } from '../../http/access.ts';
import { accessTo } from '../../http/access-rules.ts';
import type { ApiServer, RoutePlugin } from '../../http/api-server.ts';
import type { App } from '../../app/index.ts';
import { employerInParams, personInParams } from '../../http/scopes.ts';
import { idText } from '../../http/shared.schemas.ts';
import type { RecipientKind } from './notice-kinds.ts';
import { inboxQuery, inboxView, noticeSettingsInput, noticeSettingsView } from './notifications.schemas.ts';

const tags = ['notices'];

/** What differs between a person's notices and an employer's: the path, the id and the access rows. */
interface Audience {
  kind: RecipientKind;
  base: '/api/persons/:personId' | '/api/employers/:employerId';
  idParam: 'personId' | 'employerId';
  who: string;
  access: {
    read: RouteAccess;
    markRead: RouteAccess;
    readSettings: RouteAccess;
    changeSettings: RouteAccess;
  };
  /** A person's notices and contacts are personal data: a read by someone else is logged. */
  personal: boolean;
}

function audiences(app: App): Audience[] {
  return [
    {
      kind: 'person',
      base: '/api/persons/:personId',
      idParam: 'personId',
      who: 'a person',
      access: {
        read: accessTo('notices', 'read', personInParams(app)),
        markRead: accessTo('notices', 'mark-read', personInParams(app)),
        readSettings: accessTo('notices', 'read-settings', personInParams(app)),
        changeSettings: accessTo('notices', 'change-settings', personInParams(app)),
      },
      personal: true,
    },
    {
      kind: 'employer',
      base: '/api/employers/:employerId',
      idParam: 'employerId',
      who: 'an employer',
      access: {
        read: accessTo('notices', 'read-employer', employerInParams(app)),
        markRead: accessTo('notices', 'mark-read-employer', employerInParams(app)),
        readSettings: accessTo('notices', 'read-employer', employerInParams(app)),
        changeSettings: accessTo('notices', 'change-employer-settings', employerInParams(app)),
      },
      personal: false,
    },
  ];
}

/**
 * The inbox and the channels of a person and of an employer (docs/RULES.md 17.2): every notice, rendered in
 * the language asked for, with how each delivery went; the e-mail address, mobile number and language they
 * choose, and for an employer whether Shebao tells its staff their monthly details (SIL Art. 60).
 */
export const noticeRoutes: RoutePlugin = (server, app) => {
  for (const audience of audiences(app)) registerAudience(server, app, audience);
};

function registerAudience(server: ApiServer, app: App, audience: Audience): void {
  const params = z.strictObject({ [audience.idParam]: idText });
  const noticeParams = z.strictObject({ [audience.idParam]: idText, noticeId: idText });
  const recipientOf = (request: { params: Record<string, unknown> }) => ({
    kind: audience.kind,
    id: request.params[audience.idParam] as number,
  });
  const logged = (what: string) =>
    audience.personal ? { personalData: { what, persons: 'scope' as const } } : {};
  server.get(
    `${audience.base}/notices`,
    {
      schema: {
        tags,
        summary: `The notices to ${audience.who}, newest first`,
        params,
        querystring: inboxQuery,
        response: { 200: inboxView },
      },
      config: { access: audience.access.read, ...logged('notices') },
    },
    (request) => app.notifications.inbox(recipientOf(request), request.query),
  );
  server.post(
    `${audience.base}/notices/:noticeId/read`,
    {
      schema: {
        tags,
        summary: `Mark one of the notices to ${audience.who} read`,
        params: noticeParams,
        response: { 204: z.null() },
      },
      config: { access: audience.access.markRead },
    },
    async (request, reply) => {
      await app.notifications.markRead(recipientOf(request), request.params.noticeId as number);
      reply.status(204);
      return null;
    },
  );
  server.get(
    `${audience.base}/notice-settings`,
    {
      schema: {
        tags,
        summary: `The channels and language ${audience.who} is told on`,
        params,
        response: { 200: noticeSettingsView },
      },
      config: { access: audience.access.readSettings, ...logged('notice contacts') },
    },
    (request) => app.notifications.settings(recipientOf(request)),
  );
  server.put(
    `${audience.base}/notice-settings`,
    {
      schema: {
        tags,
        summary: `Choose the channels and language ${audience.who} is told on (an employer: whether Shebao tells its staff monthly)`,
        params,
        body: noticeSettingsInput,
        response: { 200: noticeSettingsView },
      },
      config: { access: audience.access.changeSettings },
    },
    (request) =>
      app.notifications.saveSettings(recipientOf(request), request.body, request.principal!.loginKey),
  );
}
