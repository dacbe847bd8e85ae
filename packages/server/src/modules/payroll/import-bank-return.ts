import { chinaDateOf, postBenefitReturn, readReturnRows } from '@shebao/domain';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { sha256Of } from '../benefits/index.ts';
import { insertPostings } from '../ledger/index.ts';
import {
  insertReturn,
  insertReturnedLines,
  selectBankFile,
  selectFileLinesById,
  selectReturnBySha,
} from './bank-files.repository.ts';
import { updateLineState } from './lines.repository.ts';
import type { PayrollDeps } from './payroll-deps.ts';
import { selectRunById } from './runs.repository.ts';

export interface BankReturnSummary {
  returnId: number;
  bankFileId: number;
  rowsRead: number;
  failedCount: number;
  failedFen: number;
  /** True when this very file had been imported before: nothing was done again. */
  replayed: boolean;
}

/**
 * Imports the bank's return file for one payment file (docs/RULES.md 14.16): every row names a payment of
 * that file and says whether it was paid; the failed ones are marked returned with the bank's reason and
 * the account that failed, and their money comes back into the fund's bank account, owed to the payees
 * again until they give another account. All rows or none: a bad row refuses the file with its line and
 * field. The same file again changes nothing.
 */
export async function importBankReturn(
  deps: PayrollDeps,
  input: { bankFileId: number; content: string; importedBy: string },
): Promise<BankReturnSummary> {
  const file = await selectBankFile(deps.db, input.bankFileId);
  if (!file)
    throw new AppError(ErrorCode.NOT_FOUND, `bankFileId: no bank file ${input.bankFileId}`, {
      field: 'bankFileId',
    });
  if (file.issued_at === null || file.sha256 === null)
    throw new AppError(ErrorCode.CONFLICT, `bankFileId: bank file ${input.bankFileId} has not been issued`, {
      field: 'bankFileId',
      detailCode: 'bank-file-not-issued',
    });
  const sha256 = sha256Of(Buffer.from(input.content, 'utf8'));
  const seen = await selectReturnBySha(deps.db, sha256);
  if (seen) return summaryOf(seen, true);

  let cells: string[][];
  try {
    cells = parseCsv(input.content.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
    });
  } catch (error) {
    throw new AppError(ErrorCode.VALIDATION, `content: not valid CSV (${(error as Error).message})`, {
      field: 'content',
    });
  }
  const { rows, problems } = readReturnRows(cells);
  if (problems.length)
    throw new AppError(
      ErrorCode.VALIDATION,
      `content: ${problems
        .slice(0, 5)
        .map((problem) => `line ${problem.lineNo} ${problem.field}: ${problem.reason}`)
        .join('; ')}`,
      { field: 'content', detailCode: 'bank-return-invalid' },
    );
  if (rows.length === 0)
    throw new AppError(ErrorCode.VALIDATION, 'content: the file has no rows', { field: 'content' });
  const lines = new Map(
    (
      await selectFileLinesById(
        deps.db,
        input.bankFileId,
        rows.map((row) => Number(row.reference)),
      )
    ).map((line) => [line.id, line]),
  );
  const unknown = rows.find((row) => !lines.has(Number(row.reference)));
  if (unknown)
    throw new AppError(
      ErrorCode.VALIDATION,
      `content: line ${unknown.lineNo} reference: ${unknown.reference} is not a payment of bank file ${input.bankFileId}`,
      { field: 'content', detailCode: 'bank-return-invalid' },
    );
  const failed = rows.filter((row) => row.status === 'failed');
  const stale = failed.find((row) => lines.get(Number(row.reference))!.state !== 'owed');
  if (stale)
    throw new AppError(
      ErrorCode.CONFLICT,
      `content: line ${stale.lineNo}: payment ${stale.reference} was already returned or moved`,
      { field: 'content', detailCode: 'bank-return-invalid' },
    );
  const failedFen = failed.reduce((sum, row) => sum + lines.get(Number(row.reference))!.amount, 0);
  const at = deps.clock.now().toISOString();
  const returnId = await deps.db.transaction().execute(async (trx) => {
    const id = await insertReturn(trx, {
      bank_file_id: input.bankFileId,
      sha256,
      rows_read: rows.length,
      failed_count: failed.length,
      failed_fen: failedFen,
      imported_by: input.importedBy,
      recorded_at: at,
    });
    await insertReturnedLines(
      trx,
      failed.map((row) => {
        const line = lines.get(Number(row.reference))!;
        return {
          return_id: id,
          line_id: line.id,
          bank_file_id: input.bankFileId,
          failed_account: line.account,
          reason: row.reason,
          amount_fen: line.amount,
        };
      }),
    );
    const changed = await updateLineState(
      trx,
      failed.map((row) => Number(row.reference)),
      'returned',
      ['owed'],
    );
    if (changed !== failed.length)
      throw new AppError(ErrorCode.CONFLICT, 'content: the payments changed meanwhile; import again');
    const region = (await selectRunById(trx, Number(file.run_id)))!.region_code;
    await insertPostings(
      trx,
      postBenefitReturn(
        { eventKey: `payroll-return:${id}`, businessDate: chinaDateOf(deps.clock.now()), regionCode: region },
        file.fund,
        failedFen,
      ),
      at,
    );
    return id;
  });
  return {
    returnId,
    bankFileId: input.bankFileId,
    rowsRead: rows.length,
    failedCount: failed.length,
    failedFen,
    replayed: false,
  };
}

function summaryOf(
  row: { id: number; bank_file_id: number; rows_read: number; failed_count: number; failed_fen: number },
  replayed: boolean,
): BankReturnSummary {
  return {
    returnId: Number(row.id),
    bankFileId: Number(row.bank_file_id),
    rowsRead: row.rows_read,
    failedCount: row.failed_count,
    failedFen: Number(row.failed_fen),
    replayed,
  };
}
