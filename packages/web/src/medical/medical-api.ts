import { ApiError, reach } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { paths } from '../api/schema.ts';

/*
 * The calls of the medical pages (docs/RULES.md 16.1-16.7): a person's medical account, the designated
 * institutions and their agreements, and the claims settled at an institution's counter. Each returns the
 * reply's data or throws an ApiError (the status and the server's problem details) for the page to show.
 */

/** The JSON body a route answers with `Status`, as the generated schema describes it. */
export type Reply<
  Path extends keyof paths,
  Method extends 'get' | 'post',
  Status extends number,
> = paths[Path][Method] extends {
  responses: { [S in Status]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** The JSON body a POST route takes. */
export type Body<Path extends keyof paths> = paths[Path] extends {
  post: { requestBody?: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type MedicalAccount = Reply<'/api/persons/{personId}/medical-account', 'get', 200>;
export type AccountMovement = MedicalAccount['movements'][number];
export type ResidentEnrolment = MedicalAccount['enrolments'][number];
export type NewResidentEnrolment = Body<'/api/persons/{personId}/resident-enrolments'>;
export type Claim = Reply<'/api/medical/claims/{claimNo}', 'get', 200>;
export type ClaimKind = Claim['kind'];
export type ClaimItem = Claim['items'][number];
export type ClaimInput = Body<'/api/medical/claims'>;
export type Institution = Reply<'/api/medical/institutions/{institutionId}', 'get', 200>;
export type Agreement = Institution['agreements'][number];
export type AgreementStatus = Agreement['status'];
export type NewInstitution = Body<'/api/medical/institutions'>;
export type NewAgreement = Body<'/api/medical/institutions/{institutionId}/agreements'>;
export type StandingChange =
  Body<'/api/medical/institutions/{institutionId}/agreements/{agreementId}/standing'>;

/** The kinds of claim, in the order the forms offer them. */
export const CLAIM_KINDS = [
  'outpatient',
  'inpatient',
  'chronic',
  'pharmacy',
] as const satisfies readonly ClaimKind[];
/** The benefit lines the year's deductibles and pooled amounts are kept on. */
export const BENEFIT_LINES = ['outpatient', 'inpatient', 'chronic'] as const;
export type BenefitLine = (typeof BENEFIT_LINES)[number];

async function data<T>(
  request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data: body, error, response } = await reach(request);
  if (!response.ok || body === undefined) throw new ApiError(response.status, error);
  return body;
}

const onInstitution = (institutionId: number) => ({ institutionId: String(institutionId) });

/** Query keys of the medical data, so a write refreshes exactly what it changed. */
export const medicalKeys = {
  all: ['medical'] as const,
  account: (personId: number) => ['medical', 'account', personId] as const,
  institutions: (regionCode: string) => ['medical', 'institutions', regionCode] as const,
  institution: (institutionId: number) => ['medical', 'institution', institutionId] as const,
  claims: (institutionId: number, from: string, to: string) =>
    ['medical', 'claims', institutionId, from, to] as const,
  claim: (claimNo: string) => ['medical', 'claim', claimNo] as const,
};

/** The person's medical personal account, the year's totals, the claims and the residents' enrolments. */
export function fetchMedicalAccount(personId: number): Promise<MedicalAccount> {
  return data(() =>
    api.GET('/api/persons/{personId}/medical-account', {
      params: { path: { personId: String(personId) } },
    }),
  );
}

/** A region's designated institutions, a page at a time (after the last id of the page before). */
export async function fetchInstitutions(regionCode: string, afterId?: number): Promise<Institution[]> {
  const reply = await data(() =>
    api.GET('/api/medical/institutions', {
      params: {
        query: { regionCode, limit: '50', ...(afterId === undefined ? {} : { afterId: String(afterId) }) },
      },
    }),
  );
  return reply.items;
}

export function fetchInstitution(institutionId: number): Promise<Institution> {
  return data(() =>
    api.GET('/api/medical/institutions/{institutionId}', {
      params: { path: onInstitution(institutionId) },
    }),
  );
}

export function registerInstitution(body: NewInstitution): Promise<Institution> {
  return data(() => api.POST('/api/medical/institutions', { body }));
}

export function signAgreement(institutionId: number, body: NewAgreement): Promise<Institution> {
  return data(() =>
    api.POST('/api/medical/institutions/{institutionId}/agreements', {
      params: { path: onInstitution(institutionId) },
      body,
    }),
  );
}

export function changeAgreementStanding(
  institutionId: number,
  agreementId: number,
  body: StandingChange,
): Promise<Institution> {
  return data(() =>
    api.POST('/api/medical/institutions/{institutionId}/agreements/{agreementId}/standing', {
      params: { path: { ...onInstitution(institutionId), agreementId: String(agreementId) } },
      body,
    }),
  );
}

/** One claim settled at the counter: the same `idempotencyKey` on a retry never settles it twice. */
export function settleClaim(body: ClaimInput, idempotencyKey: string): Promise<Claim> {
  return data(() =>
    api.POST('/api/medical/claims', {
      params: { header: { 'idempotency-key': idempotencyKey } },
      body,
    }),
  );
}

/** An institution's claims settled from `from` to `to`, newest first (the latest 200 of them). */
export async function fetchClaims(institutionId: number, from: string, to: string): Promise<Claim[]> {
  const reply = await data(() =>
    api.GET('/api/medical/claims', {
      params: {
        query: {
          institutionId: String(institutionId),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          limit: String(CLAIMS_LIMIT),
        },
      },
    }),
  );
  return reply.items;
}

/** The most claims a list asks for at once: the replies name no id to page on, so the dates narrow it. */
export const CLAIMS_LIMIT = 200;

export function fetchClaim(claimNo: string): Promise<Claim> {
  return data(() => api.GET('/api/medical/claims/{claimNo}', { params: { path: { claimNo } } }));
}

export function cancelClaim(claimNo: string, reason: string): Promise<Claim> {
  return data(() =>
    api.POST('/api/medical/claims/{claimNo}/cancellation', {
      params: { path: { claimNo } },
      body: { reason },
    }),
  );
}

/**
 * A resident's enrolment for a year taken at the counter (docs/RULES.md 16.5): the premium paid and the
 * waiting period it leaves. The same enrolment sent again answers with the one recorded.
 */
export function enrolResident(personId: number, body: NewResidentEnrolment): Promise<ResidentEnrolment> {
  return data(() =>
    api.POST('/api/persons/{personId}/resident-enrolments', {
      params: { path: { personId: String(personId) } },
      body,
    }),
  );
}
