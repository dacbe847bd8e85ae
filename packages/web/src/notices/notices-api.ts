import { ApiError, reach } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { paths } from '../api/schema.ts';
import type { Language } from '../i18n/language.ts';

/**
 * The calls of the notices pages (docs/RULES.md 17.2): a person's or an employer's inbox, marking a notice
 * read, their channels and language; the staff's runs and the delivery overview. Each returns the reply's
 * data or throws an ApiError with the status and the server's problem details.
 */

export type Inbox =
  paths['/api/persons/{personId}/notices']['get']['responses'][200]['content']['application/json'];
export type Notice = Inbox['notices'][number];
export type Delivery = Notice['deliveries'][number];
export type NoticeSettings =
  paths['/api/persons/{personId}/notice-settings']['get']['responses'][200]['content']['application/json'];
export type NoticeSettingsInput =
  paths['/api/persons/{personId}/notice-settings']['put']['requestBody']['content']['application/json'];
export type NoticeRun =
  paths['/api/notice-runs/{runId}']['get']['responses'][200]['content']['application/json'];
export type NoticeRunInput = paths['/api/notice-runs']['post']['requestBody']['content']['application/json'];
export type DeliveryOverview =
  paths['/api/notices/overview']['get']['responses'][200]['content']['application/json'];

/** Whose notices: a person's (their own pages) or an employer's. */
export interface Recipient {
  kind: 'person' | 'employer';
  id: number;
}

/** How many notices a page of the inbox holds. */
export const INBOX_PAGE = 20;

async function data<T>(
  request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data: body, error, response } = await reach(request);
  if (!response.ok || body === undefined) throw new ApiError(response.status, error);
  return body;
}

/** Query keys, so that marking a notice read or saving settings refreshes exactly what changed. */
export const noticeKeys = {
  all: (recipient: Recipient) => ['notices', recipient.kind, recipient.id] as const,
  inbox: (recipient: Recipient, language: Language) =>
    ['notices', recipient.kind, recipient.id, 'inbox', language] as const,
  unread: (recipient: Recipient) => ['notices', recipient.kind, recipient.id, 'unread'] as const,
  settings: (recipient: Recipient) => ['notices', recipient.kind, recipient.id, 'settings'] as const,
  run: (runId: number) => ['notice-runs', runId] as const,
  overview: ['notices', 'overview'] as const,
};

/** One page of the inbox, newest first, rendered by the server in `language`; `beforeId` pages on. */
export function fetchInbox(
  recipient: Recipient,
  language: Language,
  beforeId?: number,
  limit = INBOX_PAGE,
): Promise<Inbox> {
  const query = { lang: language, limit, ...(beforeId === undefined ? {} : { beforeId }) };
  return recipient.kind === 'person'
    ? data(() =>
        api.GET('/api/persons/{personId}/notices', {
          params: { path: { personId: String(recipient.id) }, query },
        }),
      )
    : data(() =>
        api.GET('/api/employers/{employerId}/notices', {
          params: { path: { employerId: String(recipient.id) }, query },
        }),
      );
}

export async function markNoticeRead(recipient: Recipient, noticeId: number): Promise<void> {
  const { error, response } = await reach(() =>
    recipient.kind === 'person'
      ? api.POST('/api/persons/{personId}/notices/{noticeId}/read', {
          params: { path: { personId: String(recipient.id), noticeId: String(noticeId) } },
        })
      : api.POST('/api/employers/{employerId}/notices/{noticeId}/read', {
          params: { path: { employerId: String(recipient.id), noticeId: String(noticeId) } },
        }),
  );
  if (!response.ok) throw new ApiError(response.status, error);
}

export function fetchNoticeSettings(recipient: Recipient): Promise<NoticeSettings> {
  return recipient.kind === 'person'
    ? data(() =>
        api.GET('/api/persons/{personId}/notice-settings', {
          params: { path: { personId: String(recipient.id) } },
        }),
      )
    : data(() =>
        api.GET('/api/employers/{employerId}/notice-settings', {
          params: { path: { employerId: String(recipient.id) } },
        }),
      );
}

export function saveNoticeSettings(recipient: Recipient, body: NoticeSettingsInput): Promise<NoticeSettings> {
  return recipient.kind === 'person'
    ? data(() =>
        api.PUT('/api/persons/{personId}/notice-settings', {
          params: { path: { personId: String(recipient.id) } },
          body,
        }),
      )
    : data(() =>
        api.PUT('/api/employers/{employerId}/notice-settings', {
          params: { path: { employerId: String(recipient.id) } },
          body,
        }),
      );
}

export function startNoticeRun(body: NoticeRunInput): Promise<NoticeRun> {
  return data(() => api.POST('/api/notice-runs', { body }));
}

export function fetchNoticeRun(runId: number): Promise<NoticeRun> {
  return data(() => api.GET('/api/notice-runs/{runId}', { params: { path: { runId: String(runId) } } }));
}

export function fetchDeliveryOverview(): Promise<DeliveryOverview> {
  return data(() => api.GET('/api/notices/overview'));
}
