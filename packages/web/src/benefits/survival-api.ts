import { ApiError, reach } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { paths } from '../api/schema.ts';

/*
 * The calls of the survival verification and death report pages (docs/RULES.md 14.9, 14.10), each
 * returning the reply's data or throwing an ApiError with the server's problem for the page to show.
 */

export type Standing =
  paths['/api/persons/{personId}/survival']['get']['responses'][200]['content']['application/json'];
export type Verification = Standing['verifications'][number];
export type DueItem =
  paths['/api/survival/due']['get']['responses'][200]['content']['application/json']['items'][number];
export type DeathReport =
  paths['/api/death-reports']['get']['responses'][200]['content']['application/json']['items'][number];
export type NewDeathReport = NonNullable<
  paths['/api/persons/{personId}/death-reports']['post']['requestBody']
>['content']['application/json'];
export type StaffMethod = NonNullable<
  paths['/api/persons/{personId}/survival-verifications']['post']['requestBody']
>['content']['application/json']['method'];

async function data<T>(
  request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data: body, error, response } = await reach(request);
  if (!response.ok || body === undefined) throw new ApiError(response.status, error);
  return body;
}

const onPerson = (personId: number) => ({ path: { personId: String(personId) } });

export const survivalKeys = {
  all: ['survival'] as const,
  standing: (personId: number) => ['survival', 'standing', personId] as const,
  due: (regionCode: string) => ['survival', 'due', regionCode] as const,
  reports: (regionCode: string, state: string) => ['survival', 'reports', regionCode, state] as const,
};

export function fetchStanding(personId: number): Promise<Standing> {
  return data(() => api.GET('/api/persons/{personId}/survival', { params: onPerson(personId) }));
}

/** The pensioner's own verification through their session (face recognition in the agency's app). */
export function verifySelf(personId: number): Promise<Standing> {
  return data(() =>
    api.POST('/api/persons/{personId}/survival-verifications/self', {
      params: onPerson(personId),
      body: { attest: true },
    }),
  );
}

export function recordVerification(
  personId: number,
  body: { method: StaffMethod; onDate: string; note?: string },
): Promise<Standing> {
  return data(() =>
    api.POST('/api/persons/{personId}/survival-verifications', { params: onPerson(personId), body }),
  );
}

export function fetchDue(
  regionCode: string,
  cursor?: string,
): Promise<{ items: DueItem[]; nextCursor: string | null }> {
  return data(() =>
    api.GET('/api/survival/due', {
      params: { query: { regionCode, limit: '50', ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export function fetchDeathReports(
  regionCode: string,
  state: DeathReport['state'],
  cursor?: string,
): Promise<{ items: DeathReport[]; nextCursor: string | null }> {
  return data(() =>
    api.GET('/api/death-reports', {
      params: { query: { regionCode, state, limit: '50', ...(cursor ? { cursor } : {}) } },
    }),
  );
}

/** One report: the same `idempotencyKey` on a retry records it once. */
export function recordDeathReport(
  personId: number,
  report: NewDeathReport,
  idempotencyKey: string,
): Promise<{ report: DeathReport }> {
  return data(() =>
    api.POST('/api/persons/{personId}/death-reports', {
      params: { ...onPerson(personId), header: { 'idempotency-key': idempotencyKey } },
      body: report,
    }),
  );
}

export function decideDeathReport(
  personId: number,
  decision: 'approve' | 'reject',
): Promise<{ report: DeathReport }> {
  return data(() =>
    api.POST('/api/persons/{personId}/death-reports/decision', {
      params: onPerson(personId),
      body: { decision },
    }),
  );
}
