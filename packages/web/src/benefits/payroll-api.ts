import { ApiError, reach } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { paths } from '../api/schema.ts';

/*
 * The calls of the payroll pages (the agency's monthly payroll, the person's payments), each returning the
 * reply's data or throwing an ApiError with the server's problem. Types from the generated schema.
 */

export type PensionPayments =
  paths['/api/persons/{personId}/pension-payments']['get']['responses'][200]['content']['application/json'];
export type PayrollRun =
  paths['/api/payroll/runs/{runId}']['get']['responses'][200]['content']['application/json'];
export type BankFile = PayrollRun['files'][number];
export type BankReturn =
  paths['/api/payroll/bank-files/{fileId}/returns']['post']['responses'][200]['content']['application/json'];

async function data<T>(
  request: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data: body, error, response } = await reach(request);
  if (!response.ok || body === undefined) throw new ApiError(response.status, error);
  return body;
}

export const payrollKeys = {
  payments: (personId: number) => ['payroll', 'payments', personId] as const,
  runs: (regionCode: string) => ['payroll', 'runs', regionCode] as const,
  run: (runId: number) => ['payroll', 'run', runId] as const,
};

export function fetchPensionPayments(personId: number): Promise<PensionPayments> {
  return data(() =>
    api.GET('/api/persons/{personId}/pension-payments', { params: { path: { personId: String(personId) } } }),
  );
}

export function fetchPayrollRuns(regionCode: string): Promise<{ items: PayrollRun[] }> {
  return data(() => api.GET('/api/payroll/runs', { params: { query: { regionCode, limit: '10' } } }));
}

export function fetchPayrollRun(runId: number): Promise<PayrollRun> {
  return data(() => api.GET('/api/payroll/runs/{runId}', { params: { path: { runId: String(runId) } } }));
}

export function startPayroll(regionCode: string, period: string): Promise<PayrollRun> {
  return data(() => api.POST('/api/payroll/runs', { body: { regionCode, period } }));
}

/** Where the browser downloads an issued bank file (the session cookie goes with it). */
export function bankFileUrl(fileId: number): string {
  return `/api/payroll/bank-files/${fileId}`;
}

export function importBankReturn(fileId: number, file: File): Promise<BankReturn> {
  return data(() =>
    api.POST('/api/payroll/bank-files/{fileId}/returns', {
      params: { path: { fileId: String(fileId) } },
      body: file as never,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );
}
