import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFenAsYuan } from '@shebao/domain';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { CliUsageError } from '../cli-error.ts';
import { printJson, printLines } from '../output.ts';
import { parseIntegerArgument, parsePeriodArgument, parseRegionArgument } from '../parse-arguments.ts';

/**
 * `shebao payroll run|return`: a region's monthly pension payroll, written to bank files, and the banks'
 * return files (docs/RULES.md 14.14–14.16).
 */
export function registerPayrollCommands(program: Command): void {
  const payroll = program
    .command('payroll')
    .description('Monthly benefit payroll: lines, ledger, bank files, returns');
  payroll
    .command('run')
    .description(
      'Pay a month for a region: one line per award in payment, bank files per paying bank; safe to re-run or resume',
    )
    .requiredOption('--region <code>', 'GB/T 2260 region code')
    .requiredOption('--period <YYYY-MM>', 'the month paid')
    .option('--out <dir>', 'write the bank files to this folder')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { region: string; period: string; out?: string; json?: boolean }) => {
      const regionCode = parseRegionArgument('--region', options.region);
      const period = parsePeriodArgument('--period', options.period);
      const showBar = !options.json && process.stderr.isTTY;
      const bar = new SingleBar({ format: 'paying {bar} {value} lines', stream: process.stderr });
      let started = false;
      const { result, files } = await withApp(async (app) => {
        const result = await app.payroll.run({
          regionCode,
          period,
          startedBy: 'cli',
          onProgress: ({ linesPaid, linesWithheld, rollsTotal }) => {
            if (!showBar) return;
            if (!started) bar.start(rollsTotal, 0);
            started = true;
            bar.update(linesPaid + linesWithheld);
          },
        });
        const run = await app.payroll.get(result.runId);
        const files = [];
        for (const file of run.files.filter((item) => item.lineCount > 0)) {
          if (options.out) {
            const { bytes } = await app.payroll.readBankFile(file.id);
            mkdirSync(options.out, { recursive: true });
            writeFileSync(join(options.out, file.fileName), bytes);
          }
          files.push(file);
        }
        return { result, files };
      });
      if (started) bar.stop();
      if (options.json) return printJson({ ...result, files });
      printLines([
        result.ran
          ? `Region ${regionCode}, ${period}: ${result.linesPaid} payments, ${result.linesWithheld} withheld, ${formatFenAsYuan(result.paidFen)} yuan (run ${result.runId})`
          : `Region ${regionCode}, ${period} was paid already (run ${result.runId}): nothing done again.`,
        ...files.map(
          (file) =>
            `  ${file.fileName}: ${file.lineCount} payments, ${formatFenAsYuan(file.totalFen)} yuan, sha256 ${file.sha256}`,
        ),
      ]);
    });

  payroll
    .command('return <file>')
    .description("Import a bank's return file (columns reference, status, reason) for one bank file")
    .requiredOption('--bank-file <id>', 'the bank file the return answers')
    .option('--json', 'one JSON object on stdout')
    .action(async (file: string, options: { bankFile: string; json?: boolean }) => {
      const bankFileId = parseIntegerArgument('--bank-file', options.bankFile, 1, Number.MAX_SAFE_INTEGER);
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch (error) {
        throw new CliUsageError(
          '<file>',
          `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
        );
      }
      const summary = await withApp((app) =>
        app.payroll.importBankReturn({ bankFileId, content, importedBy: 'cli' }),
      );
      if (options.json) return printJson(summary);
      printLines([
        summary.replayed
          ? `This return was imported before (return ${summary.returnId}): nothing done again.`
          : `Return ${summary.returnId}: ${summary.rowsRead} rows, ${summary.failedCount} failed, ${formatFenAsYuan(summary.failedFen)} yuan back in the fund, owed until the payees give another account.`,
      ]);
    });
}
