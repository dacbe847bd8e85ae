import { regionCodePrefix } from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { selectBankFile, selectRunFiles, type BankFileRow } from './bank-files.repository.ts';
import type { PayrollDeps } from './payroll-deps.ts';
import type { BankFileView, PayrollRunView } from './payroll.schemas.ts';
import { selectRunById, selectRuns, type RunRow } from './runs.repository.ts';

/** A running run whose heartbeat is older than this was cut off (a crash, a restart): start it again. */
export const STALE_AFTER_MS = 60_000;

function fileView(row: BankFileRow): BankFileView {
  return {
    id: Number(row.id),
    fund: row.fund,
    bankCode: row.bank_code,
    fileName: row.file_name,
    lineCount: row.line_count,
    totalFen: Number(row.total_fen),
    sha256: row.sha256,
    issuedAt: row.issued_at,
  };
}

function runView(row: RunRow, files: BankFileRow[], now: Date): PayrollRunView {
  const stale = row.status === 'running' && now.getTime() - Date.parse(row.heartbeat_at) > STALE_AFTER_MS;
  return {
    id: Number(row.id),
    regionCode: row.region_code,
    period: row.period,
    status: stale ? 'interrupted' : row.status,
    step: row.step,
    rollsTotal: row.rolls_total,
    linesPaid: row.lines_paid,
    linesWithheld: row.lines_withheld,
    paidFen: Number(row.paid_fen),
    startedBy: row.started_by,
    startedAt: row.started_at,
    heartbeatAt: row.heartbeat_at,
    finishedAt: row.finished_at,
    error: row.error,
    files: files.filter((file) => file.issued_at === null || file.line_count > 0).map(fileView),
  };
}

export async function getPayrollRun(deps: PayrollDeps, runId: number): Promise<PayrollRunView> {
  const row = await selectRunById(deps.db, runId);
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `runId: no payroll run ${runId}`, { field: 'runId' });
  return runView(row, await selectRunFiles(deps.db, runId), deps.clock.now());
}

export async function listPayrollRuns(
  deps: PayrollDeps,
  filter: { regionCode: string; beforeId?: number; limit: number },
): Promise<PayrollRunView[]> {
  const rows = await selectRuns(deps.db, {
    regionPrefix: regionCodePrefix(filter.regionCode),
    limit: filter.limit,
    ...(filter.beforeId !== undefined ? { beforeId: filter.beforeId } : {}),
  });
  const now = deps.clock.now();
  return Promise.all(
    rows.map(async (row) => runView(row, await selectRunFiles(deps.db, Number(row.id)), now)),
  );
}

/** An issued bank file's bytes, checked against the hash recorded when it was issued. */
export async function readBankFile(
  deps: PayrollDeps,
  fileId: number,
): Promise<{ file: BankFileView; regionCode: string; bytes: Buffer }> {
  const row = await selectBankFile(deps.db, fileId);
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `fileId: no bank file ${fileId}`, { field: 'fileId' });
  if (row.sha256 === null)
    throw new AppError(ErrorCode.CONFLICT, `fileId: bank file ${fileId} has not been issued`, {
      field: 'fileId',
      detailCode: 'bank-file-not-issued',
    });
  const run = (await selectRunById(deps.db, Number(row.run_id)))!;
  return { file: fileView(row), regionCode: run.region_code, bytes: await deps.files.get(row.sha256) };
}

/** The region of a run or of a bank file, for the access check. */
export async function regionOfRun(deps: PayrollDeps, runId: number): Promise<string | undefined> {
  return (await selectRunById(deps.db, runId))?.region_code;
}

export async function regionOfBankFile(deps: PayrollDeps, fileId: number): Promise<string | undefined> {
  const file = await selectBankFile(deps.db, fileId);
  return file ? (await selectRunById(deps.db, Number(file.run_id)))?.region_code : undefined;
}
