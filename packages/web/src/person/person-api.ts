import { ApiError, reach } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { paths } from '../api/schema.ts';

/**
 * The calls the person's pages make, each returning the reply's data or throwing an ApiError (the status
 * and the server's problem details) for the page to show. The types come from the generated schema.
 */

type Json<
  Path extends keyof paths,
  Method extends 'get' | 'post',
  Status extends number,
> = paths[Path][Method] extends { responses: { [S in Status]: { content: { 'application/json': infer T } } } }
  ? T
  : never;

export type RightsRecord = Json<'/api/persons/{personId}/rights-record', 'get', 200>;
export type RightsMonth = RightsRecord['months'][number];
export type Person = Json<'/api/persons/{personId}', 'get', 200>;
export type IssuedStatement = Json<'/api/persons/{personId}/statements', 'post', 201>;
export type StatementPage = Json<'/api/persons/{personId}/statements', 'get', 200>;
export type StatementSummary = StatementPage['items'][number];
export type AccessLogPage = Json<'/api/persons/{personId}/access-log', 'get', 200>;
export type FlexibleContribution = Json<'/api/persons/{personId}/flexible-contribution', 'get', 200>;
export type GradeChange = Json<'/api/persons/{personId}/flexible-grade', 'post', 200>;
export type Receipt = Json<'/api/payments/{paymentNo}/receipt', 'get', 200>;
export type BillPage = Json<'/api/bills', 'get', 200>;
export type PaymentPage = Json<'/api/payments', 'get', 200>;
export type PaymentQuote = Json<'/api/persons/{personId}/payment-quote', 'get', 200>;

async function data<T>(
  request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data: body, error, response } = await reach(request);
  if (body === undefined) throw new ApiError(response.status, error);
  return body;
}

const person = (personId: number) => ({ personId: String(personId) });

export function fetchPerson(personId: number): Promise<Person> {
  return data(() => api.GET('/api/persons/{personId}', { params: { path: person(personId) } }));
}

/** A calendar year, or the whole record when `year` is undefined. */
export async function fetchRightsRecord(personId: number, year?: number): Promise<RightsRecord> {
  // The route answers CSV too (text/csv); asked for JSON, it is the record.
  return (await data(() =>
    api.GET('/api/persons/{personId}/rights-record', {
      params: { path: person(personId), query: year === undefined ? {} : { year: String(year) } },
    }),
  )) as RightsRecord;
}

/** Where the browser downloads the same record as CSV (the session cookie goes with a plain link). */
export function rightsRecordCsvUrl(personId: number, year?: number): string {
  const query = new URLSearchParams({ format: 'csv', ...(year === undefined ? {} : { year: String(year) }) });
  return `/api/persons/${personId}/rights-record?${query.toString()}`;
}

export type StatementRequest =
  { kind: 'rights'; year: number } | { kind: 'certificate'; from?: string; to?: string };

export function issueStatement(personId: number, body: StatementRequest): Promise<IssuedStatement> {
  return data(() =>
    api.POST('/api/persons/{personId}/statements', { params: { path: person(personId) }, body }),
  );
}

/** The statements issued to the person, newest first, a page at a time. */
export function fetchStatements(personId: number, cursor?: string): Promise<StatementPage> {
  return data(() =>
    api.GET('/api/persons/{personId}/statements', {
      params: { path: person(personId), query: cursor ? { cursor } : {} },
    }),
  );
}

export function statementPdfUrl(code: string, lang: 'zh' | 'en'): string {
  return `/api/statements/${encodeURIComponent(code)}.pdf?lang=${lang}`;
}

export function fetchAccessLog(personId: number, cursor?: string): Promise<AccessLogPage> {
  return data(() =>
    api.GET('/api/persons/{personId}/access-log', {
      params: { path: person(personId), query: { limit: '50', ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export function fetchFlexibleContribution(
  personId: number,
  gradePpm?: number,
): Promise<FlexibleContribution> {
  return data(() =>
    api.GET('/api/persons/{personId}/flexible-contribution', {
      params: {
        path: person(personId),
        query: gradePpm === undefined ? {} : { gradePpm: String(gradePpm) },
      },
    }),
  );
}

export function changeFlexibleGrade(personId: number, gradePpm: number): Promise<GradeChange> {
  return data(() =>
    api.POST('/api/persons/{personId}/flexible-grade', {
      params: { path: person(personId) },
      body: { gradePpm },
    }),
  );
}

export function fetchOpenBills(personId: number): Promise<BillPage> {
  return data(() =>
    api.GET('/api/bills', { params: { query: { personId: String(personId), open: 'true', limit: '200' } } }),
  );
}

export function fetchPayments(personId: number): Promise<PaymentPage> {
  return data(() =>
    api.GET('/api/payments', { params: { query: { personId: String(personId), limit: '200' } } }),
  );
}

/** What paying today clears everything with: the open bills and the late fees to today. */
export function fetchPaymentQuote(personId: number): Promise<PaymentQuote> {
  return data(() => api.GET('/api/persons/{personId}/payment-quote', { params: { path: person(personId) } }));
}

/** One payment attempt: the same `idempotencyKey` on a retry can never pay twice. */
export function payOnline(personId: number, amountFen: number, idempotencyKey: string): Promise<Receipt> {
  return data(() =>
    api.POST('/api/persons/{personId}/payments', {
      params: { path: person(personId), header: { 'idempotency-key': idempotencyKey } },
      body: { amountFen },
    }),
  );
}

export function fetchReceipt(paymentNo: string): Promise<Receipt> {
  return data(() => api.GET('/api/payments/{paymentNo}/receipt', { params: { path: { paymentNo } } }));
}
