import { formatFenAsYuan } from '@shebao/domain';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { withApp, type App } from '../../app/index.ts';
import { reassessMonths, runCollection, settleEstimates } from '../../workflows/index.ts';
import { resolvePayer } from '../../modules/payers/index.ts';
import { CliUsageError } from '../cli-error.ts';
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

  collect
    .command('adjust')
    .description(
      'Re-assess months already billed after a late hire, a corrected base or a late parameter; bills the differences once',
    )
    .requiredOption('--region <code>', 'GB/T 2260 region code')
    .requiredOption('--from <YYYY-MM>', 'first month to re-assess')
    .requiredOption('--to <YYYY-MM>', 'last month to re-assess')
    .option('--employer <credit code>', 'only this employer')
    .option('--json', 'one JSON object on stdout')
    .action(
      async (options: { region: string; from: string; to: string; employer?: string; json?: boolean }) => {
        const regionCode = parseRegionArgument('--region', options.region);
        const fromPeriod = parsePeriodArgument('--from', options.from);
        const toPeriod = parsePeriodArgument('--to', options.to);
        if (toPeriod < fromPeriod) throw new CliUsageError('--to', 'must not be before --from');
        const result = await withApp(async (app) => {
          const employerId = await employerOption(app, options.employer);
          return reassessMonths(
            { db: app.database.db, clock: app.clock, policy: app.policy },
            { regionCode, fromPeriod, toPeriod, employerId },
          );
        });
        if (options.json) return printJson(result);
        if (result.adjustmentBills.length === 0) return printLines(['No differences: nothing to adjust.']);
        for (const bill of result.adjustmentBills) {
          printLines([
            `${bill.billNo}  ${bill.period}  ${formatFenAsYuan(bill.totalFen)} yuan${bill.totalFen < 0 ? ' (credit)' : ''}`,
          ]);
        }
      },
    );

  collect
    .command('settle')
    .description(
      'Settle months estimated at 110% (SIL Art. 62) that the employer has declared since; the monthly run does this too',
    )
    .requiredOption('--region <code>', 'GB/T 2260 region code')
    .option('--employer <credit code>', 'only this employer')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { region: string; employer?: string; json?: boolean }) => {
      const regionCode = parseRegionArgument('--region', options.region);
      const result = await withApp(async (app) =>
        settleEstimates(
          { db: app.database.db, clock: app.clock, policy: app.policy },
          { regionCode, employerId: await employerOption(app, options.employer) },
        ),
      );
      if (options.json) return printJson(result);
      if (result.settlements.length === 0) return printLines(['No declared estimate left to settle.']);
      printLines(
        result.settlements.map(
          (item) =>
            `${item.payerKey}  ${item.period}  declared ${formatFenAsYuan(item.assessedFen)}, estimated ${formatFenAsYuan(item.estimatedFen)}: ` +
            `${item.differenceFen < 0 ? 'credit' : 'owed'} ${formatFenAsYuan(Math.abs(item.differenceFen))} yuan`,
        ),
      );
    });
}

/** The id behind an --employer credit code, or undefined when the option is absent. */
async function employerOption(app: App, creditCode: string | undefined): Promise<number | undefined> {
  if (creditCode === undefined) return undefined;
  const payer = await resolvePayer(app.database.db, creditCode, '--employer');
  if (payer.kind !== 'employer') throw new CliUsageError('--employer', 'give a credit code');
  return payer.id;
}
