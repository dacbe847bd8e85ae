import { controlRowText, PAYMENT_FILE_HEADER, paymentRowText, postBenefitPayment } from '@shebao/domain';
import { insertPostings } from '../ledger/index.ts';
import {
  markFileIssued,
  moveLineToFile,
  selectFileRows,
  selectReissuableLines,
  selectRunFiles,
} from './bank-files.repository.ts';
import type { PayrollDeps } from './payroll-deps.ts';

/** Rows read per page while a file is written. */
const PAGE_ROWS = 20_000;

/**
 * Returned payments whose payee has since given another account are paid again in this run's file of
 * their bank (docs/RULES.md 14.22); the rest keep waiting.
 */
export async function reissueReturnedLines(
  deps: PayrollDeps,
  regionPrefix: string,
  fileOfBank: ReadonlyMap<string, number>,
): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    let moved = 0;
    for (const line of await selectReissuableLines(trx, regionPrefix)) {
      if (line.failed_account === line.payee_account) continue;
      const fileId = fileOfBank.get(line.bank_code);
      if (fileId === undefined) continue;
      await moveLineToFile(trx, Number(line.id), fileId);
      moved += 1;
    }
    return moved;
  });
}

/**
 * Writes and issues every file of the run not issued yet (docs/RULES.md 14.22): the owed lines of the bank
 * in line order, each with the payee's account, name and amount, and the control row; the bytes are kept by
 * their SHA-256, and in one transaction the file is marked issued with its count and total and the money
 * leaves the pension fund's bank account. A file with no lines is marked issued with nothing to send.
 * Written again after a crash, a file has the same bytes (the lines and their order are fixed), so the
 * kept copy and its hash are the same too.
 */
export async function issueBankFiles(
  deps: PayrollDeps,
  run: { runId: number; regionCode: string; today: string },
): Promise<void> {
  for (const file of await selectRunFiles(deps.db, run.runId)) {
    if (file.issued_at !== null) continue;
    const fileId = Number(file.id);
    const parts: string[] = [`${PAYMENT_FILE_HEADER}\n`];
    let count = 0;
    let totalFen = 0;
    for (let after = 0; ;) {
      const rows = await selectFileRows(deps.db, fileId, after, PAGE_ROWS);
      if (rows.length === 0) break;
      let page = '';
      for (const row of rows) {
        page += paymentRowText({
          reference: String(row.id),
          account: row.account,
          name: row.name,
          amountFen: row.amountFen,
        });
        totalFen += row.amountFen;
      }
      parts.push(page);
      count += rows.length;
      after = rows.at(-1)!.id;
    }
    parts.push(controlRowText(count, totalFen));
    const sha256 = count === 0 ? null : await deps.files.put(Buffer.from(parts.join(''), 'utf8'));
    const at = deps.clock.now().toISOString();
    await deps.db.transaction().execute(async (trx) => {
      if (
        !(await markFileIssued(trx, fileId, {
          line_count: count,
          total_fen: totalFen,
          sha256,
          issued_at: at,
        }))
      )
        return;
      await insertPostings(
        trx,
        postBenefitPayment(
          { eventKey: `payroll-file:${fileId}`, businessDate: run.today, regionCode: run.regionCode },
          'pension',
          totalFen,
        ),
        at,
      );
    });
  }
}
