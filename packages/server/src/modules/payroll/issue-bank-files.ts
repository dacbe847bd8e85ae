import { controlRowText, PAYMENT_FILE_HEADER, postBenefitPayment, type Fund } from '@shebao/domain';
import { insertPostings } from '../ledger/index.ts';
import {
  markFileIssued,
  moveLineToFile,
  selectFileTexts,
  type FileText,
  selectReissuableLines,
  selectRunFiles,
} from './bank-files.repository.ts';
import { fileKey } from './lines.repository.ts';
import type { PayrollDeps } from './payroll-deps.ts';

/**
 * Returned payments whose payee has since given another account are paid again in this run's file of
 * their bank (docs/RULES.md 14.16); the rest keep waiting.
 */
export async function reissueReturnedLines(
  deps: PayrollDeps,
  regionPrefix: string,
  files: ReadonlyMap<string, number>,
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    let moved = 0;
    for (const line of await selectReissuableLines(trx, regionPrefix)) {
      if (line.failed_account === line.payee_account) continue;
      const fileId = files.get(fileKey(line.fund, line.bank_code));
      if (fileId === undefined) continue;
      await moveLineToFile(trx, Number(line.id), fileId);
      moved += 1;
    }
    return moved;
  });
}

/**
 * Writes and issues every file of the run not issued yet (docs/RULES.md 14.16): the owed lines of the bank
 * in line order, each with the payee's account, name and amount, and the control row; the bytes are kept by
 * their SHA-256, and in one transaction the file is marked issued with its count and total and the money
 * leaves the bank account of the file's fund. A file with no lines is marked issued with nothing to send.
 * Written again after a crash, a file has the same bytes (the lines and their order are fixed), so the
 * kept copy and its hash are the same too.
 */
export async function issueBankFiles(
  deps: PayrollDeps,
  run: { runId: number; regionCode: string; today: string; firstLineId: number },
): Promise<void> {
  const waiting = (await selectRunFiles(deps.db, run.runId)).filter((file) => file.issued_at === null);
  const fileIds = waiting.map((file) => Number(file.id));
  const texts = await selectFileTexts(deps.db, fileIds, run.firstLineId);
  for (const [index, file] of waiting.entries()) await issueFile(deps, run, file, texts[index]!);
}

async function issueFile(
  deps: PayrollDeps,
  run: { regionCode: string; today: string },
  file: { id: number; fund: Fund },
  rows: FileText,
): Promise<void> {
  const content = `${PAYMENT_FILE_HEADER}\n${rows.text}${controlRowText(rows.count, rows.totalFen)}`;
  const sha256 = rows.count === 0 ? null : await deps.files.put(Buffer.from(content, 'utf8'));
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const issued = { line_count: rows.count, total_fen: rows.totalFen, sha256, issued_at: at };
    if (!(await markFileIssued(trx, Number(file.id), issued))) return;
    await insertPostings(
      trx,
      postBenefitPayment(
        { eventKey: `payroll-file:${file.id}`, businessDate: run.today, regionCode: run.regionCode },
        file.fund,
        rows.totalFen,
      ),
      at,
    );
  });
}
