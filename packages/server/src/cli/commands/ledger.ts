import { formatFenAsYuan } from '@shebao/domain';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { selectAccountBalances, verifyLedger } from '../../modules/ledger/index.ts';
import { EXIT_INVALID } from '../cli-error.ts';
import { printJson, printLines, printTable } from '../output.ts';

export function registerLedgerCommands(program: Command): void {
  const ledger = program.command('ledger').description('The fund ledgers');
  ledger
    .command('verify')
    .description('Prove the ledger invariants; exit 1 listing the discrepancies when anything is off')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { json?: boolean }) => {
      const report = await withApp((app) => verifyLedger(app.database.db));
      if (options.json) printJson(report);
      else {
        for (const check of report.checks) {
          printLines([
            `${check.ok ? 'ok  ' : 'FAIL'} ${check.name}`,
            ...check.discrepancies.map((line) => `       ${line}`),
          ]);
        }
        printLines([report.ok ? 'The ledger verifies.' : 'The ledger does NOT verify.']);
      }
      if (!report.ok) process.exitCode = EXIT_INVALID;
    });
  ledger
    .command('balances')
    .description('Trial balance: every account of every fund ledger')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { json?: boolean }) => {
      const balances = await withApp((app) => selectAccountBalances(app.database.db));
      if (options.json) return printJson({ balances });
      printTable(
        ['Ledger', 'Account', 'Debits', 'Credits', 'Balance'],
        balances.map((row) => [
          row.fund,
          row.account,
          formatFenAsYuan(row.debitFen),
          formatFenAsYuan(row.creditFen),
          formatFenAsYuan(row.debitFen - row.creditFen),
        ]),
        { alignRight: [2, 3, 4] },
      );
    });
}
