import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { describeDemoLogins, listDemoLogins } from '../../demo/demo-accounts.ts';
import { loadDemo, type DemoSummary } from '../../demo/load-demo.ts';
import { printJson, printLines } from '../output.ts';

export function describeDemo(summary: DemoSummary): string {
  return summary.loaded
    ? `Demo region Beijing (110000) loaded: ${summary.employers} employers, ${summary.persons} persons, ` +
        `${summary.months} months of collection from ${summary.firstPeriod} to ${summary.lastPeriod}.`
    : 'The database already has employers; the demo region was not loaded again.';
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Load the demo region (employers, people, two years of bills and payments) into an empty database',
    )
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { json?: boolean }) => {
      const { summary, logins } = await withApp(async (app) => ({
        summary: await loadDemo(app, (period) => {
          if (!options.json && process.stderr.isTTY) process.stderr.write(`\rassessed and paid ${period}`);
        }),
        logins: await listDemoLogins(app.database.db),
      }));
      if (!options.json && process.stderr.isTTY) process.stderr.write('\n');
      if (options.json) return printJson({ ...summary, logins });
      printLines([describeDemo(summary), ...describeDemoLogins(logins)]);
    });
}
