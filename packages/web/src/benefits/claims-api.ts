import { ApiError, reach } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { paths } from '../api/schema.ts';
import type { Application, DecisionReason } from './benefits-api.ts';

/*
 * The calls of the work-injury, unemployment and maternity pages (docs/RULES.md 15.14-15.19): filing for
 * oneself or for an employee, the staff's steps on an identification, the appraisals, a claim's assessment
 * and stopping unemployment benefit. Each returns the reply's data or throws an ApiError.
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

type NewApplication = NonNullable<
  paths['/api/persons/{personId}/applications']['post']['requestBody']
>['content']['application/json'];
/** An application of one of the new kinds, as a person or the counter files it. */
export type ClaimFiling = Exclude<NewApplication, { kind: 'pension' } | { kind: 'record-correction' }>;
export type ClaimKind = ClaimFiling['kind'];
export type WorkInjuryFacts = Extract<ClaimFiling, { kind: 'work-injury' }>['facts'];
export type MaternityFacts = Extract<ClaimFiling, { kind: 'maternity' }>['facts'];
export type Payee = WorkInjuryFacts['payee'];
export type Appraisal = Reply<'/api/applications/{applicationId}/appraisals', 'get', 200>[number];
export type NewAppraisal = NonNullable<
  paths['/api/applications/{applicationId}/appraisals']['post']['requestBody']
>['content']['application/json'];
export type ClaimAssessment = Reply<'/api/applications/{applicationId}/claim-assessment', 'get', 200>;
export type OneTimePayment = NonNullable<ClaimAssessment['oneTimePayments']>[number];
export type EmployerApplication = Reply<
  '/api/employers/{employerId}/applications',
  'get',
  200
>['items'][number];
export type StopReason = NonNullable<
  paths['/api/persons/{personId}/unemployment-stop']['post']['requestBody']
>['content']['application/json']['reason'];

export const CLAIM_KINDS = ['injury-benefits', 'unemployment', 'maternity'] as const;
/** Whether an application is a claim the claim assessment works out (not a pension, an identification). */
export const isClaim = (kind: string): kind is (typeof CLAIM_KINDS)[number] =>
  (CLAIM_KINDS as readonly string[]).includes(kind);

export const STOP_REASONS = [
  're-employed',
  'conscripted',
  'emigrated',
  'pension-started',
  'refused-suitable-job',
] as const satisfies readonly StopReason[];

async function data<T>(
  request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data: body, error, response } = await reach(request);
  if (!response.ok || body === undefined) throw new ApiError(response.status, error);
  return body;
}

const onApplication = (applicationId: number) => ({ path: { applicationId: String(applicationId) } });

export const claimKeys = {
  appraisals: (applicationId: number) => ['benefits', 'appraisals', applicationId] as const,
  stoppage: (applicationId: number) => ['benefits', 'stoppage', applicationId] as const,
  advances: (employerId: number) => ['benefits', 'employer-advances', employerId] as const,
  assessment: (applicationId: number) => ['benefits', 'claim-assessment', applicationId] as const,
  employer: (employerId: number) => ['benefits', 'employer-applications', employerId] as const,
};

/** A person's own filing, or the counter's for them. */
export function fileClaim(personId: number, filing: ClaimFiling): Promise<Application> {
  return data(() =>
    api.POST('/api/persons/{personId}/applications', {
      params: { path: { personId: String(personId) } },
      body: filing,
    }),
  );
}

/** An employer's filing for one of its employees. */
export function fileForEmployee(
  employerId: number,
  personId: number,
  filing: Extract<ClaimFiling, { kind: 'work-injury' } | { kind: 'maternity' }>,
): Promise<Application> {
  return data(() =>
    api.POST('/api/employers/{employerId}/applications', {
      params: { path: { employerId: String(employerId) } },
      body: { personId, ...filing },
    }),
  );
}

export function fetchEmployerApplications(
  employerId: number,
  cursor?: string,
): Promise<{ items: EmployerApplication[]; nextCursor: string | null }> {
  return data(() =>
    api.GET('/api/employers/{employerId}/applications', {
      params: {
        path: { employerId: String(employerId) },
        query: { limit: '50', ...(cursor ? { cursor } : {}) },
      },
    }),
  );
}

export function clearCase(applicationId: number): Promise<Application> {
  return data(() =>
    api.POST('/api/applications/{applicationId}/clear-case', { params: onApplication(applicationId) }),
  );
}

export function identifyInjury(applicationId: number, reasons: DecisionReason[]): Promise<Application> {
  return data(() =>
    api.POST('/api/applications/{applicationId}/identification', {
      params: onApplication(applicationId),
      body: { reasons },
    }),
  );
}

export function fetchAppraisals(applicationId: number): Promise<Appraisal[]> {
  return data(() =>
    api.GET('/api/applications/{applicationId}/appraisals', { params: onApplication(applicationId) }),
  );
}

export function recordAppraisal(applicationId: number, appraisal: NewAppraisal): Promise<Appraisal[]> {
  return data(() =>
    api.POST('/api/applications/{applicationId}/appraisals', {
      params: onApplication(applicationId),
      body: appraisal,
    }),
  );
}

export function fetchClaimAssessment(applicationId: number): Promise<ClaimAssessment> {
  return data(() =>
    api.GET('/api/applications/{applicationId}/claim-assessment', { params: onApplication(applicationId) }),
  );
}

export function stopUnemployment(personId: number, lastMonth: string, reason: StopReason): Promise<unknown> {
  return data(() =>
    api.POST('/api/persons/{personId}/unemployment-stop', {
      params: { path: { personId: String(personId) } },
      body: { lastMonth, reason },
    }),
  );
}

export type Employment = Reply<'/api/persons/{personId}/employments', 'get', 200>['items'][number];

/** A person's employments, for naming the employer of an injury. */
export function fetchEmployments(personId: number): Promise<{ items: Employment[] }> {
  return data(() =>
    api.GET('/api/persons/{personId}/employments', { params: { path: { personId: String(personId) } } }),
  );
}

export type StoppagePeriod = Reply<'/api/applications/{applicationId}/stoppage-periods', 'get', 200>[number];
export type NewStoppagePeriod = NonNullable<
  paths['/api/applications/{applicationId}/stoppage-periods']['post']['requestBody']
>['content']['application/json'];

/** An injury's stoppage period with pay and its extensions (docs/RULES.md 15.23). */
export function fetchStoppagePeriods(applicationId: number): Promise<StoppagePeriod[]> {
  return data(() =>
    api.GET('/api/applications/{applicationId}/stoppage-periods', { params: onApplication(applicationId) }),
  );
}

export function recordStoppagePeriod(
  applicationId: number,
  period: NewStoppagePeriod,
): Promise<StoppagePeriod[]> {
  return data(() =>
    api.POST('/api/applications/{applicationId}/stoppage-periods', {
      params: onApplication(applicationId),
      body: period,
    }),
  );
}

/** The person asks for a re-appraisal of the latest conclusion, saying why (WIIR Art. 26). */
export function requestReappraisal(applicationId: number, note: string): Promise<Appraisal[]> {
  return data(() =>
    api.POST('/api/applications/{applicationId}/reappraisal-request', {
      params: onApplication(applicationId),
      body: { note },
    }),
  );
}

export type EmployerAdvances = Reply<'/api/employers/{employerId}/advances', 'get', 200>;

/** What the work-injury fund advanced for an employer, and what it repaid (docs/RULES.md 15.22). */
export function fetchEmployerAdvances(employerId: number): Promise<EmployerAdvances> {
  return data(() =>
    api.GET('/api/employers/{employerId}/advances', { params: { path: { employerId: String(employerId) } } }),
  );
}

export function recordAdvanceRepayment(
  employerId: number,
  repayment: { amountFen: number; receivedOn: string; bankReference: string },
): Promise<Reply<'/api/employers/{employerId}/advance-repayments', 'post', 201>> {
  return data(() =>
    api.POST('/api/employers/{employerId}/advance-repayments', {
      params: { path: { employerId: String(employerId) } },
      body: repayment,
    }),
  );
}
