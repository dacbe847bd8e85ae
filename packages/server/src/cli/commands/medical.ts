import { formatFenAsYuan } from '@shebao/domain';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { printJson, printLines } from '../output.ts';
import { parseDateArgument, parsePeriodArgument, parseRegionArgument } from '../parse-arguments.ts';

/**
 * `shebao medical settle-month|credit-retirees|scan|totals`: the medical side's batches (docs/RULES.md 16.4,
 * 16.6, 16.7): the month's statements with the institutions, the retirees' account credits, the
 * supervision scan, and the check that every person's year totals equal their claims.
 */
export function registerMedicalCommands(program: Command): void {
  const medical = program
    .command('medical')
    .description('Medical insurance batches: institutions’ monthly statements, retiree credits, supervision');
  medical
    .command('settle-month')
    .description('Settle an ended month with every designated institution of a region; safe to re-run')
    .requiredOption('--region <code>', 'GB/T 2260 region code')
    .requiredOption('--period <YYYY-MM>', 'the month settled (it must have ended)')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { region: string; period: string; json?: boolean }) => {
      const regionCode = parseRegionArgument('--region', options.region);
      const period = parsePeriodArgument('--period', options.period);
      const result = await withApp((app) =>
        app.medical.settleInstitutionsMonth({ regionCode, period }, 'cli'),
      );
      if (options.json) return printJson(result);
      printLines([
        result.drawn > 0
          ? `Region ${regionCode}, ${period}: ${result.drawn} statements drawn and paid`
          : `Region ${regionCode}, ${period}: nothing new to settle`,
        ...result.statements.map(
          (row) =>
            `  ${row.statementNo}: ${row.claims} claims, paid ${formatFenAsYuan(row.paidFen)} yuan` +
            (row.deductedFen ? `, recovery kept back ${formatFenAsYuan(row.deductedFen)}` : '') +
            (row.carriedOutFen ? `, owed to the fund ${formatFenAsYuan(-row.carriedOutFen)}` : ''),
        ),
      ]);
    });
  medical
    .command('credit-retirees')
    .description('Credit the month’s fixed amount to the medical accounts of a region’s retirees, once')
    .requiredOption('--region <code>', 'GB/T 2260 region code')
    .requiredOption('--period <YYYY-MM>', 'the month credited')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { region: string; period: string; json?: boolean }) => {
      const regionCode = parseRegionArgument('--region', options.region);
      const period = parsePeriodArgument('--period', options.period);
      const result = await withApp((app) => app.medical.creditRetireeAccounts({ regionCode, period }));
      if (options.json) return printJson(result);
      printLines([
        `Region ${regionCode}, ${period}: ${result.credited} retirees credited ${formatFenAsYuan(result.amountFen)} yuan; ${result.short} short of the minimum medical years`,
      ]);
    });
  medical
    .command('scan')
    .description('Run the supervision rules over the claims of a region settled in a span of days')
    .requiredOption('--region <code>', 'GB/T 2260 region code')
    .requiredOption('--from <YYYY-MM-DD>', 'first day of settlement')
    .requiredOption('--to <YYYY-MM-DD>', 'last day of settlement')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { region: string; from: string; to: string; json?: boolean }) => {
      const regionCode = parseRegionArgument('--region', options.region);
      const from = parseDateArgument('--from', options.from);
      const to = parseDateArgument('--to', options.to);
      const result = await withApp((app) => app.medical.scanClaims({ regionCode, from, to }));
      if (options.json) return printJson(result);
      printLines([
        `Region ${regionCode}, ${from} to ${to}: ${result.flagged} new flags`,
        ...Object.entries(result.caught).map(([rule, count]) => `  ${rule}: ${count}`),
      ]);
    });
  medical
    .command('totals')
    .description(
      'Check that every person’s year totals equal the sums of their claims that stand (exit 1 if not)',
    )
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { json?: boolean }) => {
      const drift = await withApp((app) => app.medical.yearTotalsDrift());
      if (options.json) printJson({ ok: drift.length === 0, drift });
      else
        printLines(
          drift.length === 0
            ? ['Every year total equals its claims.']
            : drift.map((row) => `person ${row.personId}, ${row.year}: totals differ from the claims`),
        );
      if (drift.length) process.exitCode = 1;
    });
}
