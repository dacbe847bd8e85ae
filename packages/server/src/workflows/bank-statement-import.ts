import {
  classifyLines,
  findImportOf,
  finishImport,
  readStatement,
  startImport,
  summarizeImport,
  type ImportBankStatementInput,
  type ImportSummary,
  type StatementImporter,
} from '../modules/bank-statements/index.ts';
import {
  recordPayments,
  selectPaymentIdsByNo,
  type PaymentDeps,
  type PaymentInput,
} from '../modules/payments/index.ts';
import { runPaymentTransaction } from './payment-transaction.ts';

/**
 * Importing a bank statement (docs/ARCHITECTURE.md, "Workflows"): every line is stored with its outcome.
 * 1. read: bank-statements hashes and parses the file; the same file imported again changes nothing and
 *    returns the first import's summary;
 * 2. in one transaction, so that the rows and the payments commit together (docs/RULES.md 8.6):
 *    bank-statements stores the import and decides each line's outcome (transfers recorded before and
 *    payers asked of payments and registration; payers outside the importer's regions wait for review);
 *    payments records every matched line in one batch (oldest bill first, late fees, credit);
 *    bank-statements stores every line with its payment, and the counts;
 * 3. summary: bank-statements lays the import out, each row as it stands now.
 * One bad line never stops the others.
 */
export async function importBankStatement(
  deps: PaymentDeps,
  input: ImportBankStatementInput,
  importer: StatementImporter,
): Promise<ImportSummary> {
  const statement = await readStatement(deps, input);
  if (statement.earlierImportId !== undefined)
    return summarizeImport(deps.db, statement.earlierImportId, true);

  let importId: number;
  try {
    importId = await runPaymentTransaction(deps, async (trx, inTransaction) => {
      const id = await startImport(trx, statement, deps.clock.now().toISOString());
      const outcomes = await classifyLines(trx, statement.lines, importer);
      const matched = outcomes.filter((outcome) => outcome.status === 'matched');
      if (matched.length > 0) {
        const receipts = await recordPayments(
          inTransaction,
          matched.map(({ line, payerKey }): PaymentInput => ({
            payerKey: payerKey!,
            amountFen: line.amountFen!,
            paidOn: line.paidOn!,
            bankReference: line.bankReference,
            channel: 'bank',
          })),
        );
        const ids = await selectPaymentIdsByNo(
          trx,
          receipts.map((receipt) => receipt.paymentNo),
        );
        matched.forEach((outcome, index) => {
          outcome.paymentId = ids.get(receipts[index]!.paymentNo)!;
        });
      }
      await finishImport(trx, id, outcomes);
      return id;
    });
  } catch (error) {
    // The same file imported twice at once: the unique file hash lets one through, the other reports it.
    const winner = await findImportOf(deps.db, statement.fileHash);
    if (winner !== undefined) return summarizeImport(deps.db, winner, true);
    throw error;
  }
  return summarizeImport(deps.db, importId, false);
}
