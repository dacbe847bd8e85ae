import { z } from 'zod';
import { accessTo } from '../../http/access-rules.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { employerInParams, personInParams } from '../../http/scopes.ts';
import { idText } from '../../http/shared.schemas.ts';
import { inboxQuery, inboxView, noticeSettingsInput, noticeSettingsView } from './notifications.schemas.ts';

const tags = ['notices'];
const personParams = z.strictObject({ personId: idText });
const employerParams = z.strictObject({ employerId: idText });
const personNotice = z.strictObject({ personId: idText, noticeId: idText });
const employerNotice = z.strictObject({ employerId: idText, noticeId: idText });

/**
 * The inbox and the channels of a person and of an employer (docs/RULES.md 17.2): every notice, rendered in
 * the language asked for, with how each delivery went; the e-mail address, mobile number and language they
 * choose, and for an employer whether Shebao tells its staff their monthly details (SIL Art. 60).
 */
export const noticeRoutes: RoutePlugin = (server, app) => {
  server.get(
    '/api/persons/:personId/notices',
    {
      schema: {
        tags,
        summary: 'A person’s notices, newest first',
        params: personParams,
        querystring: inboxQuery,
        response: { 200: inboxView },
      },
      config: {
        access: accessTo('notices', 'read', personInParams(app)),
        personalData: { what: 'notices', persons: 'scope' },
      },
    },
    (request) => app.notifications.inbox({ kind: 'person', id: request.params.personId }, request.query),
  );
  server.post(
    '/api/persons/:personId/notices/:noticeId/read',
    {
      schema: {
        tags,
        summary: 'Mark one of the person’s notices read',
        params: personNotice,
        response: { 204: z.null() },
      },
      config: { access: accessTo('notices', 'mark-read', personInParams(app)) },
    },
    async (request, reply) => {
      await app.notifications.markRead(
        { kind: 'person', id: request.params.personId },
        request.params.noticeId,
      );
      reply.status(204);
      return null;
    },
  );
  server.get(
    '/api/persons/:personId/notice-settings',
    {
      schema: {
        tags,
        summary: 'The channels and language a person is told on',
        params: personParams,
        response: { 200: noticeSettingsView },
      },
      config: {
        access: accessTo('notices', 'read-settings', personInParams(app)),
        personalData: { what: 'notice contacts', persons: 'scope' },
      },
    },
    (request) => app.notifications.settings({ kind: 'person', id: request.params.personId }),
  );
  server.put(
    '/api/persons/:personId/notice-settings',
    {
      schema: {
        tags,
        summary: 'Choose the channels and language a person is told on',
        params: personParams,
        body: noticeSettingsInput,
        response: { 200: noticeSettingsView },
      },
      config: { access: accessTo('notices', 'change-settings', personInParams(app)) },
    },
    (request) =>
      app.notifications.saveSettings(
        { kind: 'person', id: request.params.personId },
        request.body,
        request.principal!.loginKey,
      ),
  );

  server.get(
    '/api/employers/:employerId/notices',
    {
      schema: {
        tags,
        summary: 'An employer’s notices, newest first',
        params: employerParams,
        querystring: inboxQuery,
        response: { 200: inboxView },
      },
      config: { access: accessTo('notices', 'read-employer', employerInParams(app)) },
    },
    (request) => app.notifications.inbox({ kind: 'employer', id: request.params.employerId }, request.query),
  );
  server.post(
    '/api/employers/:employerId/notices/:noticeId/read',
    {
      schema: {
        tags,
        summary: 'Mark one of the employer’s notices read',
        params: employerNotice,
        response: { 204: z.null() },
      },
      config: { access: accessTo('notices', 'mark-read-employer', employerInParams(app)) },
    },
    async (request, reply) => {
      await app.notifications.markRead(
        { kind: 'employer', id: request.params.employerId },
        request.params.noticeId,
      );
      reply.status(204);
      return null;
    },
  );
  server.get(
    '/api/employers/:employerId/notice-settings',
    {
      schema: {
        tags,
        summary: 'The channels and language an employer is told on, and whether Shebao tells its staff',
        params: employerParams,
        response: { 200: noticeSettingsView },
      },
      config: { access: accessTo('notices', 'read-employer', employerInParams(app)) },
    },
    (request) => app.notifications.settings({ kind: 'employer', id: request.params.employerId }),
  );
  server.put(
    '/api/employers/:employerId/notice-settings',
    {
      schema: {
        tags,
        summary: 'Choose the employer’s channels and language, and whether Shebao tells its staff monthly',
        params: employerParams,
        body: noticeSettingsInput,
        response: { 200: noticeSettingsView },
      },
      config: { access: accessTo('notices', 'change-employer-settings', employerInParams(app)) },
    },
    (request) =>
      app.notifications.saveSettings(
        { kind: 'employer', id: request.params.employerId },
        request.body,
        request.principal!.loginKey,
      ),
  );
};
