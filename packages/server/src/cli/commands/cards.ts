import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { CliUsageError } from '../cli-error.ts';
import { printJson, printLines } from '../output.ts';
import { parseIntegerArgument, parseRegionArgument } from '../parse-arguments.ts';

const CLI_ACTOR = { login: 'cli', side: 'staff' } as const;

/**
 * `shebao cards production-batch|import-return|lapse-losses`: the social security card's batches
 * (docs/RULES.md 18.5, 18.6): a region's approved cards sent to a card bank as one file, the bank's return
 * file imported (the same file again changes nothing), and the temporary loss reports past their days
 * recorded as lapsed.
 */
export function registerCardCommands(program: Command): void {
  const cards = program
    .command('cards')
    .description('Social security cards: production batches, bank returns, losses');
  cards
    .command('production-batch')
    .description('Send the region’s approved cards to a card bank as one batch file')
    .requiredOption('--region <code>', 'GB/T 2260 region code')
    .requiredOption('--bank <code>', 'the card bank’s code, e.g. ICBC')
    .option('--out <file>', 'also write the batch file here')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { region: string; bank: string; out?: string; json?: boolean }) => {
      const regionCode = parseRegionArgument('--region', options.region);
      if (!/^[A-Z0-9]{2,12}$/.test(options.bank))
        throw new CliUsageError('--bank', 'must be the card bank’s code, 2 to 12 capitals or digits');
      const { batch, bytes } = await withApp(async (app) => {
        const made = await app.cards.createProductionBatch({ regionCode, bankCode: options.bank }, CLI_ACTOR);
        return app.cards.readBatchFile(made.id);
      });
      if (options.out) writeFileSync(options.out, bytes);
      if (options.json) return printJson(batch);
      printLines([
        `Batch ${batch.batchNo} (id ${batch.id}): ${batch.cards} cards to ${batch.bankCode}, sha256 ${batch.fileSha256}`,
        ...(options.out ? [`  written to ${options.out}`] : []),
      ]);
    });
  cards
    .command('import-return <file>')
    .description('Import a card bank’s return file (card_no, bank_account_no, produced_on) for one batch')
    .requiredOption('--batch <id>', 'the batch the return answers')
    .option('--json', 'one JSON object on stdout')
    .action(async (file: string, options: { batch: string; json?: boolean }) => {
      const batchId = parseIntegerArgument('--batch', options.batch, 1, Number.MAX_SAFE_INTEGER);
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch (error) {
        throw new CliUsageError(
          '<file>',
          `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
        );
      }
      const summary = await withApp((app) => app.cards.importBankReturn({ batchId, content }, CLI_ACTOR));
      if (options.json) return printJson(summary);
      printLines([
        summary.replayed
          ? `This return file was imported before: nothing done again (${summary.produced} cards produced then).`
          : `Batch ${batchId}: ${summary.rows} rows, ${summary.produced} cards produced, ${summary.already} done before, ${summary.errors.length} refused`,
        ...summary.errors.map((error) => `  line ${error.line}, ${error.field}: ${error.reason}`),
      ]);
    });
  cards
    .command('lapse-losses')
    .description('Record the region’s temporary loss reports past their days as lapsed; safe to re-run')
    .requiredOption('--region <code>', 'GB/T 2260 region code')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { region: string; json?: boolean }) => {
      const regionCode = parseRegionArgument('--region', options.region);
      const result = await withApp((app) => app.cards.lapseTemporaryLosses(regionCode));
      if (options.json) return printJson(result);
      printLines([`Region ${regionCode}: ${result.lapsed} temporary loss reports lapsed`]);
    });
}
