import { ApiError, reach } from '../../api/api-error.ts';
import { api } from '../../api/client.ts';
import type { paths } from '../../api/schema.ts';

/**
 * The calls of the agency's money pages, over the typed client: each returns the reply's data or throws
 * an ApiError (status 0 when the server was not reached), for TanStack Query to hold.
 */

type Json<Path extends keyof paths, Method extends 'get' | 'post'> = paths[Path][Method] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type RegionPaymentsPage = Json<'/api/regions/{regionCode}/payments', 'get'>;
export type RegionPayment = RegionPaymentsPage['items'][number];
export type Receipt = Json<'/api/payments/{paymentNo}/receipt', 'get'>;
export type ImportSummary = Json<'/api/bank-statements', 'post'>;
export type UnmatchedRow = Json<'/api/bank-statements/unmatched', 'get'>['items'][number];
export type ResolvedRow = Json<'/api/bank-statements/unmatched/{rowId}/resolve', 'post'>;
export type RegionArrears = Json<'/api/regions/{regionCode}/arrears', 'get'>;
export type PayerInArrears = RegionArrears['items'][number];
export type EmployerArrears = Json<'/api/employers/{employerId}/arrears', 'get'>;
export type AccountBalance = Json<'/api/ledger/balances', 'get'>['items'][number];
export type FundIncome = Json<'/api/ledger/income', 'get'>;
export type FundMonth = FundIncome['months'][number];

export interface PaymentInput {
  payerCode: string;
  amountFen: number;
  paidOn: string;
  bankReference?: string;
}

/** The data of a reply, or the ApiError it stands for. */
async function dataOf<T>(
  request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await reach(request);
  if (data === undefined || !response.ok) throw new ApiError(response.status, error);
  return data;
}

export function fetchRegionPayments(regionCode: string, cursor: string | undefined, limit: number) {
  return dataOf(() =>
    api.GET('/api/regions/{regionCode}/payments', {
      params: { path: { regionCode }, query: { limit: String(limit), ...(cursor ? { cursor } : {}) } },
    }),
  );
}

export function fetchReceipt(paymentNo: string) {
  return dataOf(() => api.GET('/api/payments/{paymentNo}/receipt', { params: { path: { paymentNo } } }));
}

/** Records a payment; `idempotencyKey` is one per submission, so a retried request is not paid twice. */
export function recordPayment(input: PaymentInput, idempotencyKey: string) {
  return dataOf(() =>
    api.POST('/api/payments', {
      params: { header: { 'idempotency-key': idempotencyKey } },
      body: input,
    }),
  );
}

/** Sends the statement file as it is (CSV text); the server reports bad rows by line. */
export function importStatement(fileName: string, content: string, idempotencyKey: string) {
  return dataOf(() =>
    api.POST('/api/bank-statements', {
      params: { query: { fileName }, header: { 'idempotency-key': idempotencyKey } },
      body: content,
      bodySerializer: (body: string) => body,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );
}

export function fetchUnmatchedRows() {
  return dataOf(() => api.GET('/api/bank-statements/unmatched'));
}

export function resolveUnmatchedRow(rowId: number, payerCode: string, idempotencyKey: string) {
  return dataOf(() =>
    api.POST('/api/bank-statements/unmatched/{rowId}/resolve', {
      params: { path: { rowId: String(rowId) }, header: { 'idempotency-key': idempotencyKey } },
      body: { payerCode },
    }),
  );
}

export function fetchRegionArrears(
  regionCode: string,
  asOf: string,
  cursor: string | undefined,
  limit: number,
) {
  return dataOf(() =>
    api.GET('/api/regions/{regionCode}/arrears', {
      params: {
        path: { regionCode },
        query: { asOf, limit: String(limit), ...(cursor ? { cursor } : {}) },
      },
    }),
  );
}

export function fetchEmployerArrears(employerId: number, asOf: string) {
  return dataOf(() =>
    api.GET('/api/employers/{employerId}/arrears', {
      params: { path: { employerId: String(employerId) }, query: { asOf } },
    }),
  );
}

export function fetchBalances() {
  return dataOf(() => api.GET('/api/ledger/balances'));
}

export function fetchFundIncome(from: string, to: string) {
  return dataOf(() => api.GET('/api/ledger/income', { params: { query: { from, to } } }));
}
