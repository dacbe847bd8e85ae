import { formatFenAsYuan } from '@shebao/domain';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { creditYearInterest } from '../../modules/accounts/index.ts';
import { printJson, printLines } from '../output.ts';
import { parseIntegerArgument, parseRegionArgument } from '../parse-arguments.ts';

export function registerAccountCommands(program: Command): void {
  const accounts = program.command('accounts').description('Personal accounts');
  accounts
    .command('credit-interest')
    .description("Credit a year's interest to the pension personal accounts of a region (once per year)")
    .requiredOption('--year <YYYY>', 'the year to credit')
    .requiredOption('--region <code>', 'GB/T 2260 region code')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { year: string; region: string; json?: boolean }) => {
      const year = parseIntegerArgument('--year', options.year, 1990, 2200);
      const regionCode = parseRegionArgument('--region', options.region);
      const result = await withApp((app) =>
        creditYearInterest(
          { db: app.database.db, clock: app.clock, policy: app.policy },
          { year, regionCode },
        ),
      );
      if (options.json) return printJson(result);
      printLines([
        result.alreadyCredited
          ? `Interest for ${year} was already credited in region ${regionCode}; nothing changed.`
          : `Credited ${formatFenAsYuan(result.interestFen)} yuan of ${year} interest to ${result.accounts} accounts in region ${regionCode}.`,
      ]);
    });
}
