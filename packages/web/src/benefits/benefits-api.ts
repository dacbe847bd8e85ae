import { ApiError, reach } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { paths } from '../api/schema.ts';

/*
 * The calls of the benefit pages (the person's and the agency's), each returning the reply's data or
 * throwing an ApiError with the server's problem for the page to show. The types come from the generated
 * schema (api/schema.ts).
 */

type Reply<
  Path extends keyof paths,
  Method extends 'get' | 'post',
  Status extends number,
> = paths[Path][Method] extends {
  responses: { [S in Status]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Application = Reply<'/api/applications/{applicationId}', 'get', 200>;
export type ApplicationState = Application['state'];
export type ApplicationEvent = Application['events'][number];
export type ApplicationDocument = Application['documents'][number];
export type Clock = Application['clock'];
export type DecisionReason = NonNullable<Application['decision']>['reasons'][number];
export type QueuePage = Reply<'/api/applications', 'get', 200>;
export type Award = Reply<'/api/persons/{personId}/awards', 'get', 200>['items'][number];
export type PensionAssessment = Reply<'/api/applications/{applicationId}/pension-assessment', 'get', 200>;
type NewApplication = NonNullable<
  paths['/api/persons/{personId}/applications']['post']['requestBody']
>['content']['application/json'];
export type PensionFacts = Extract<NewApplication, { kind: 'pension' }>['facts'];
export type Forecast = Reply<'/api/persons/{personId}/pension-forecast', 'get', 200>;
export type ForecastCase = Forecast['cases'][number];
export type Invitation = Reply<'/api/persons/{personId}/retirement-invitations', 'get', 200>['items'][number];
/** The assumptions a person may change; each left out takes the server's stated default. */
export interface ForecastAssumptions {
  wageGrowthPpm?: number;
  futureBaseFen?: number;
  interestPpm?: number;
  retirementGroup?: 'male' | 'female-55' | 'female-50';
}
export type Approval = Reply<'/api/applications/{applicationId}/award-decision', 'post', 200>;

export const APPLICATION_STATES = [
  'under-review',
  'awaiting-material',
  'proposed',
  'decided',
  'withdrawn',
] as const satisfies readonly ApplicationState[];
/** The states an officer still has to act on. */
export const OPEN_STATES: readonly ApplicationState[] = ['under-review', 'awaiting-material', 'proposed'];

async function data<T>(
  request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data: body, error, response } = await reach(request);
  if (!response.ok || body === undefined) throw new ApiError(response.status, error);
  return body;
}

const onPerson = (personId: number) => ({ path: { personId: String(personId) } });
const onApplication = (applicationId: number) => ({ path: { applicationId: String(applicationId) } });

/** Query keys, so a write refreshes exactly what it changed. */
export const benefitKeys = {
  all: ['benefits'] as const,
  person: (personId: number) => ['benefits', 'person', personId] as const,
  awards: (personId: number) => ['benefits', 'awards', personId] as const,
  application: (applicationId: number) => ['benefits', 'application', applicationId] as const,
  assessment: (applicationId: number, deemedMonths: number) =>
    ['benefits', 'assessment', applicationId, deemedMonths] as const,
  queue: (regionCode: string, state: string) => ['benefits', 'queue', regionCode, state] as const,
  forecast: (personId: number, assumptions: ForecastAssumptions) =>
    ['benefits', 'forecast', personId, assumptions] as const,
  invitations: (personId: number) => ['benefits', 'invitations', personId] as const,
};

export function fetchForecast(personId: number, assumptions: ForecastAssumptions): Promise<Forecast> {
  return data(() =>
    api.GET('/api/persons/{personId}/pension-forecast', {
      params: { ...onPerson(personId), query: assumptions },
    }),
  );
}

export function fetchInvitations(personId: number): Promise<{ items: Invitation[] }> {
  return data(() =>
    api.GET('/api/persons/{personId}/retirement-invitations', { params: onPerson(personId) }),
  );
}

export function fetchPersonApplications(personId: number): Promise<{ items: Application[] }> {
  return data(() => api.GET('/api/persons/{personId}/applications', { params: onPerson(personId) }));
}

export function fetchAwards(personId: number): Promise<{ items: Award[] }> {
  return data(() => api.GET('/api/persons/{personId}/awards', { params: onPerson(personId) }));
}

export function fetchApplication(applicationId: number): Promise<Application> {
  return data(() => api.GET('/api/applications/{applicationId}', { params: onApplication(applicationId) }));
}

/** The region's applications in one state, or the open ones when `state` is undefined. */
export function fetchQueue(
  regionCode: string,
  state: ApplicationState | undefined,
  cursor?: string,
): Promise<QueuePage> {
  return data(() =>
    api.GET('/api/applications', {
      params: {
        query: { regionCode, limit: '50', ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) },
      },
    }),
  );
}

export function fetchAssessment(applicationId: number, deemedMonths: number): Promise<PensionAssessment> {
  return data(() =>
    api.GET('/api/applications/{applicationId}/pension-assessment', {
      params: { ...onApplication(applicationId), query: { deemedMonths } },
    }),
  );
}

export function filePension(personId: number, facts: PensionFacts): Promise<Application> {
  return data(() =>
    api.POST('/api/persons/{personId}/applications', {
      params: onPerson(personId),
      body: { kind: 'pension', facts },
    }),
  );
}

/** Sends a file as it is (its bytes, its type in Content-Type), as a document of the given kind. */
export function attachDocument(applicationId: number, file: File, kind: string): Promise<Application> {
  return data(() =>
    api.POST('/api/applications/{applicationId}/documents', {
      params: { ...onApplication(applicationId), query: { kind, fileName: file.name } },
      body: file as never,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    }),
  );
}

/** Where the browser downloads a document (the session cookie goes with a plain link). */
export function documentUrl(applicationId: number, documentId: number): string {
  return `/api/applications/${applicationId}/documents/${documentId}`;
}

export function requestMaterial(applicationId: number, note: string): Promise<Application> {
  return data(() =>
    api.POST('/api/applications/{applicationId}/material-requests', {
      params: onApplication(applicationId),
      body: { note },
    }),
  );
}

export function recordMaterialReceived(applicationId: number, note: string): Promise<Application> {
  return data(() =>
    api.POST('/api/applications/{applicationId}/material-received', {
      params: onApplication(applicationId),
      body: { note },
    }),
  );
}

export function refuseApplication(applicationId: number, reasons: DecisionReason[]): Promise<Application> {
  return data(() =>
    api.POST('/api/applications/{applicationId}/refusal', {
      params: onApplication(applicationId),
      body: { reasons },
    }),
  );
}

export function withdrawApplication(applicationId: number): Promise<Application> {
  return data(() =>
    api.POST('/api/applications/{applicationId}/withdrawal', { params: onApplication(applicationId) }),
  );
}

/** One proposal: the same `idempotencyKey` on a retry proposes once. */
export function proposeAward(
  applicationId: number,
  proposal: { deemedMonths: number; evidenceDocumentIds: number[]; note?: string },
  idempotencyKey: string,
): Promise<Approval> {
  return data(() =>
    api.POST('/api/applications/{applicationId}/award-proposal', {
      params: { ...onApplication(applicationId), header: { 'idempotency-key': idempotencyKey } },
      body: proposal,
    }),
  );
}

export function decideAward(
  applicationId: number,
  decision: 'approve' | 'reject',
  note?: string,
): Promise<Approval> {
  return data(() =>
    api.POST('/api/applications/{applicationId}/award-decision', {
      params: onApplication(applicationId),
      body: { decision, ...(note ? { note } : {}) },
    }),
  );
}

export type RecordCorrection = NonNullable<Application['correction']>;
export type RecordChange = RecordCorrection['changes'][number];
export type CorrectionProposal = NonNullable<
  paths['/api/applications/{applicationId}/correction-proposal']['post']['requestBody']
>['content']['application/json'];

/** The changes that correct the record, with the reasons; the same `idempotencyKey` on a retry proposes once. */
export function proposeCorrection(
  applicationId: number,
  proposal: CorrectionProposal,
  idempotencyKey: string,
): Promise<Approval> {
  return data(() =>
    api.POST('/api/applications/{applicationId}/correction-proposal', {
      params: { ...onApplication(applicationId), header: { 'idempotency-key': idempotencyKey } },
      body: proposal,
    }),
  );
}

/** The second officer's decision; approving a granted correction again finishes its reassessment. */
export function decideCorrection(
  applicationId: number,
  decision: 'approve' | 'reject',
  note?: string,
): Promise<Approval> {
  return data(() =>
    api.POST('/api/applications/{applicationId}/correction-decision', {
      params: onApplication(applicationId),
      body: { decision, ...(note ? { note } : {}) },
    }),
  );
}
