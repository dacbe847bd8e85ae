import { ApiError, reach } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { paths } from '../api/schema.ts';
import { baseFileFormatOf, type BaseFileFormat } from './base-file-format.ts';

/**
 * The employer's calls to the server, each answering the data or throwing an ApiError, so that pages
 * use them as TanStack Query functions. The server checks that the employer is the signed-in one's.
 */

type Reply<Path extends keyof paths, Method extends 'get' | 'post'> = paths[Path][Method] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : paths[Path][Method] extends { responses: { 201: { content: { 'application/json': infer T } } } }
    ? T
    : never;

export type StaffPage = Reply<'/api/employers/{employerId}/staff', 'get'>;
export type StaffMember = StaffPage['items'][number];
export type BillPage = Reply<'/api/bills', 'get'>;
export type Bill = BillPage['items'][number];
export type BillDetail = Reply<'/api/bills/{billNo}', 'get'>;
export type MonthlyDetails = Reply<'/api/employers/{employerId}/monthly-details/{period}', 'get'>;
export type PaymentPage = Reply<'/api/payments', 'get'>;
export type Payment = PaymentPage['items'][number];
export type Receipt = Reply<'/api/payments/{paymentNo}/receipt', 'get'>;
export type Arrears = Reply<'/api/employers/{employerId}/arrears', 'get'>;
export type ContributionYear = Reply<'/api/employers/{employerId}/contribution-year', 'get'>;
export type EmployerSummary = Reply<'/api/employers/{employerId}/summary', 'get'>;
export type BaseFileResult = Reply<'/api/employers/{employerId}/bases.xlsx', 'post'>;
export type BaseFileError = NonNullable<BaseFileResult['errors']>[number];

type HireBody = NonNullable<paths['/api/hires']['post']['requestBody']>['content']['application/json'];
type LeaveBody = NonNullable<paths['/api/leaves']['post']['requestBody']>['content']['application/json'];
type BaseBody = NonNullable<paths['/api/bases']['post']['requestBody']>['content']['application/json'];
export type HireRequest = HireBody;
export type LeaveRequest = LeaveBody;
export type BaseRequest = BaseBody;

/** The data of a reply, or the reply's problem as an ApiError. */
async function dataOf<T>(call: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await reach(call);
  if (data === undefined) throw new ApiError(response.status, error);
  return data;
}

const employerPath = (employerId: number) => ({ path: { employerId: String(employerId) } });

export const PAGE_SIZE = 50;
/** Bills and payments come in the server's largest pages: two years of months fit in one. */
export const LIST_SIZE = 200;

export function fetchStaff(employerId: number, options: { cursor?: string; current: boolean }) {
  return dataOf(() =>
    api.GET('/api/employers/{employerId}/staff', {
      params: {
        ...employerPath(employerId),
        query: {
          limit: String(PAGE_SIZE),
          current: String(options.current) as 'true' | 'false',
          ...(options.cursor ? { cursor: options.cursor } : {}),
        },
      },
    }),
  );
}

export function hireEmployee(body: HireRequest) {
  return dataOf(() => api.POST('/api/hires', { body }));
}

export function recordLeave(body: LeaveRequest) {
  return dataOf(() => api.POST('/api/leaves', { body }));
}

export function declareBase(body: BaseRequest) {
  return dataOf(() => api.POST('/api/bases', { body }));
}

export function fetchContributionYear(employerId: number, period: string) {
  return dataOf(() =>
    api.GET('/api/employers/{employerId}/contribution-year', {
      params: { ...employerPath(employerId), query: { period } },
    }),
  );
}

const CONTENT_TYPES: Record<BaseFileFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/**
 * Sends a base file as it is (bytes, not JSON). A file with refused rows answers 422 with the rows, which
 * is a result to show, not a failure; `dryRun` checks without declaring.
 */
export async function uploadBaseFile(
  employerId: number,
  file: File,
  options: { cycleStart: string; dryRun: boolean },
): Promise<BaseFileResult> {
  const format = baseFileFormatOf(file.name) ?? 'xlsx';
  const request = {
    params: {
      ...employerPath(employerId),
      query: { cycleStart: options.cycleStart, dryRun: String(options.dryRun) as 'true' | 'false' },
    },
    body: file as never,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { 'Content-Type': CONTENT_TYPES[format] },
  };
  const { data, error, response } = await reach(() =>
    format === 'xlsx'
      ? api.POST('/api/employers/{employerId}/bases.xlsx', request)
      : api.POST('/api/employers/{employerId}/bases.csv', request),
  );
  if (data) return data;
  if (response.status === 422 && isBaseFileResult(error)) return error;
  throw new ApiError(response.status, error);
}

function isBaseFileResult(value: unknown): value is BaseFileResult {
  return typeof value === 'object' && value !== null && 'ok' in value && 'declared' in value;
}

/** The template's address: a plain link, so the browser downloads it with the session cookie. */
export function baseTemplateUrl(employerId: number, cycleStart: string, format: BaseFileFormat): string {
  const query = new URLSearchParams({ cycleStart, format });
  return `/api/employers/${employerId}/bases-template?${query}`;
}

export function fetchBills(employerId: number, cursor?: string) {
  return dataOf(() =>
    api.GET('/api/bills', {
      params: {
        query: { employerId: String(employerId), limit: String(LIST_SIZE), ...(cursor ? { cursor } : {}) },
      },
    }),
  );
}

export function fetchBill(billNo: string) {
  return dataOf(() => api.GET('/api/bills/{billNo}', { params: { path: { billNo } } }));
}

export function fetchMonthlyDetails(employerId: number, period: string) {
  return dataOf(() =>
    api.GET('/api/employers/{employerId}/monthly-details/{period}', {
      params: { path: { employerId: String(employerId), period } },
    }),
  );
}

export function fetchPayments(employerId: number, cursor?: string) {
  return dataOf(() =>
    api.GET('/api/payments', {
      params: {
        query: { employerId: String(employerId), limit: String(LIST_SIZE), ...(cursor ? { cursor } : {}) },
      },
    }),
  );
}

export function fetchReceipt(paymentNo: string) {
  return dataOf(() => api.GET('/api/payments/{paymentNo}/receipt', { params: { path: { paymentNo } } }));
}

export function fetchArrears(employerId: number, asOf?: string) {
  return dataOf(() =>
    api.GET('/api/employers/{employerId}/arrears', {
      params: { ...employerPath(employerId), query: asOf ? { asOf } : {} },
    }),
  );
}

export type DeclaredBases = Reply<'/api/employers/{employerId}/bases/{cycleStart}', 'get'>;

export function fetchDeclaredBases(employerId: number, cycleStart: string) {
  return dataOf(() =>
    api.GET('/api/employers/{employerId}/bases/{cycleStart}', {
      params: { path: { employerId: String(employerId), cycleStart } },
    }),
  );
}

/** Everyone employed now (or ever, for naming past staff), in the server's largest page. */
export function fetchStaffForNames(employerId: number, current: boolean) {
  return dataOf(() =>
    api.GET('/api/employers/{employerId}/staff', {
      params: {
        ...employerPath(employerId),
        query: { limit: '200', current: String(current) as 'true' | 'false' },
      },
    }),
  );
}

type DeclarationBody = NonNullable<
  paths['/api/declarations']['post']['requestBody']
>['content']['application/json'];

/** The month's declaration (月度申报, SIL Art. 60): idempotent, the first declaration is kept. */
export async function declareMonth(body: DeclarationBody) {
  const reply = await dataOf(() => api.POST('/api/declarations', { body }));
  return reply as { declaration?: { period?: string; declaredOn?: string }; created?: boolean };
}

/** The start page: owed, overdue, due next, the amount that clears everything today, how to pay, what to do. */
export function fetchSummary(employerId: number) {
  return dataOf(() => api.GET('/api/employers/{employerId}/summary', { params: employerPath(employerId) }));
}

/** Pays the employer's bills online (taken as received today); one Idempotency-Key per attempt. */
export function payEmployerOnline(employerId: number, amountFen: number, idempotencyKey: string) {
  return dataOf(() =>
    api.POST('/api/employers/{employerId}/payments', {
      params: { ...employerPath(employerId), header: { 'idempotency-key': idempotencyKey } },
      body: { amountFen },
    }),
  );
}
