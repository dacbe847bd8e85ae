import { appendFileSync, readFileSync } from 'node:fs';
import { formatFenAsYuan } from '@shebao/domain';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import {
  parseJournalAnchors,
  readJournalAnchor,
  selectAccountBalances,
  verifyJournalChain,
  verifyLedger,
  type JournalAnchor,
} from '../../modules/ledger/index.ts';
import { CliUsageError, EXIT_INVALID } from '../cli-error.ts';
import { printJson, printLines, printTable } from '../output.ts';

export function registerLedgerCommands(program: Command): void {
  const ledger = program.command('ledger').description('The fund ledgers');
  ledger
    .command('verify')
    .description('Prove the ledger invariants; exit 1 listing the discrepancies when anything is off')
    .option('--json', 'one JSON object on stdout')
    .option('--anchor <file>', 'also check the journal against the anchors kept in this file (ledger anchor)')
    .action(async (options: { json?: boolean; anchor?: string }) => {
      const anchors = options.anchor === undefined ? undefined : readAnchorFile(options.anchor);
      const report = await withApp((app) => verifyLedger(app.database.db, { anchors }));
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
    .command('anchor')
    .description(
      "Append each fund's journal chain head, with the time, as one JSON line to FILE (keep it where the database's owners cannot rewrite it); refuses when the chain does not verify",
    )
    .requiredOption('--to <file>', 'the anchor file to append to')
    .option('--json', 'the anchor as one JSON object on stdout')
    .action(async (options: { to: string; json?: boolean }) => {
      // A file that is there must already hold anchors: appending to something else would spoil both.
      readAnchorFile(options.to, { mayBeMissing: true });
      const outcome = await withApp(async (app) => {
        // The heads first, then the whole chain recomputed through them: an anchor is written only for
        // a journal that verifies up to it.
        const anchor = await readJournalAnchor(app.database.db, app.clock.now().toISOString());
        const chain = await verifyJournalChain(app.database.db, [anchor]);
        return { anchor, problems: chain.checks.flatMap((check) => check.discrepancies) };
      });
      if (outcome.problems.length > 0) {
        printLines([
          'The journal chain does NOT verify; no anchor written:',
          ...outcome.problems.map((line) => `  ${line}`),
        ]);
        process.exitCode = EXIT_INVALID;
        return;
      }
      appendFileSync(options.to, `${JSON.stringify(outcome.anchor)}\n`);
      if (options.json) return printJson(outcome.anchor);
      printLines([
        `anchored at ${outcome.anchor.anchoredAt} to ${options.to}:`,
        ...outcome.anchor.heads.map(
          (head) =>
            `  ${head.fund.padEnd(13)} transaction ${String(head.transactionId ?? '-').padEnd(10)} ${head.hash}`,
        ),
      ]);
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

/** The anchors kept in a file; a missing file or a line that is not an anchor is a usage error (exit 2). */
function readAnchorFile(file: string, { mayBeMissing = false } = {}): JournalAnchor[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (mayBeMissing && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CliUsageError(file, 'cannot read the anchor file');
  }
  try {
    return parseJournalAnchors(text);
  } catch (error) {
    throw new CliUsageError(file, (error as Error).message);
  }
}
