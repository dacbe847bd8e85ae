import { formatFenAsYuan } from '@shebao/domain';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { runCollection } from '../../modules/collection/index.ts';
import { printJson, printLines } from '../output.ts';
import { parsePeriodArgument, parseRegionArgument } from '../parse-arguments.ts';

export function registerCollectCommands(program: Command): void {
  const collect = program.command('collect').description('Monthly assessment and collection');
  collect
    .command('run')
    .description(
      'Assess a month for a region: one bill per employer and flexible worker; safe to re-run or resume',
    )
    .requiredOption('--region <code>', 'GB/T 2260 region code')
    .requiredOption('--period <YYYY-MM>', 'contribution month')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { region: string; period: string; json?: boolean }) => {
      const regionCode = parseRegionArgument('--region', options.region);
      const period = parsePeriodArgument('--period', options.period);
      const showBar = !options.json && process.stderr.isTTY;
      const bar = new SingleBar({
        format: 'assessing {bar} {value}/{total} payers | {personMonths} person-months',
        stream: process.stderr,
      });
      let started = false;
      const result = await withApp((app) =>
        runCollection(
          { db: app.database.db, clock: app.clock, policy: app.policy },
          {
            regionCode,
            period,
            onProgress: ({ payersDone, payersTotal, personMonths }) => {
              if (!showBar) return;
              if (!started) bar.start(payersTotal, 0, { personMonths: 0 });
              started = true;
              bar.update(payersDone, { personMonths });
            },
          },
        ),
      );
      if (started) bar.stop();
      if (options.json) return printJson(result);
      printLines(
        [
          `Region ${result.regionCode}, ${result.period}: ${result.bills} new bills, ${result.personMonths} person-months, ` +
            `${formatFenAsYuan(result.totalFen)} yuan (run ${result.runId})`,
          result.bills === 0 ? 'Nothing new to assess: every payer already has its bill for this month.' : '',
        ].filter(Boolean),
      );
    });
}
