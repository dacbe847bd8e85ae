import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { withApp, type App } from '../../app/index.ts';
import type { NoticeRunInput, NoticeRunView } from '../../modules/notifications/index.ts';
import { statementPdf } from '../../modules/statements/index.ts';
import { printJson, printLines } from '../output.ts';
import { parseIntegerArgument, parsePeriodArgument, parseRegionArgument } from '../parse-arguments.ts';
import { openAppSigningKey } from './statement.ts';

/**
 * `shebao notices send-yearly|send-monthly-details|deliver|scan-unpaid` (docs/RULES.md 17.4-17.6): the runs
 * that tell a whole region, a round of deliveries, and the scan for months that fell due unpaid. A run
 * stopped anywhere resumes where it stopped when started again; a finished one changes nothing.
 */
export function registerNoticeCommands(program: Command): void {
  const notices = program
    .command('notices')
    .description('Notices to people and employers: the yearly statement, monthly details, deliveries');
  notices
    .command('send-yearly')
    .description('Issue the yearly rights statement to every person of a region and tell them (resumable)')
    .requiredOption('--region <code>', 'GB/T 2260 region code')
    .requiredOption('--year <YYYY>', 'the year the statements cover')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { region: string; year: string; json?: boolean }) => {
      const regionCode = parseRegionArgument('--region', options.region);
      const year = parseIntegerArgument('--year', options.year, 1990, 2200);
      await runAndReport({ kind: 'yearly-statement', regionCode, period: String(year) }, options.json);
    });
  notices
    .command('send-monthly-details')
    .description('Tell the staff of every employer of a region that chose it their month (SIL Art. 60)')
    .requiredOption('--region <code>', 'GB/T 2260 region code')
    .requiredOption('--period <YYYY-MM>', 'the month told')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { region: string; period: string; json?: boolean }) => {
      const regionCode = parseRegionArgument('--region', options.region);
      const period = parsePeriodArgument('--period', options.period);
      await runAndReport({ kind: 'monthly-details', regionCode, period }, options.json);
    });
  notices
    .command('deliver')
    .description(
      'Deliver the notices that are due on the configured channels, once (the server does it itself)',
    )
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { json?: boolean }) => {
      const round = await withApp(async (app) => {
        await attachStatementPdf(app);
        return app.notifications.deliver(1_000);
      });
      if (options.json) return printJson(round);
      printLines([
        `${round.dispatched} deliveries made, ${round.sent} sent, ${round.retrying} to retry, ${round.failed} given up`,
      ]);
    });
  notices
    .command('scan-unpaid')
    .description('Tell each person on a bill that fell due unpaid in the last weeks, once per month')
    .option('--region <code>', 'GB/T 2260 region code (default: every region)')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { region?: string; json?: boolean }) => {
      const regionCode = options.region ? parseRegionArgument('--region', options.region) : undefined;
      const told = await withApp((app) => app.notifications.scanUnpaid(regionCode));
      if (options.json) return printJson({ told });
      printLines([`${told} notices of unpaid months written`]);
    });
}

async function runAndReport(input: NoticeRunInput, json: boolean | undefined): Promise<void> {
  const showBar = !json && process.stderr.isTTY;
  const bar = new SingleBar({ format: 'telling {bar} {value}/{total}', stream: process.stderr });
  let started = false;
  const run = await withApp(async (app) => {
    const signingKey = await openAppSigningKey(app);
    return app.notifications.run(
      { signingKey, publicBaseUrl: app.config.publicBaseUrl },
      input,
      'cli',
      (progress: NoticeRunView) => {
        if (!showBar) return;
        if (!started) bar.start(progress.total, progress.done);
        started = true;
        bar.update(progress.done);
      },
    );
  });
  if (started) bar.stop();
  if (json) return printJson(run);
  printLines([
    `${run.kind} ${run.regionCode} ${run.period}: ${run.status}, ${run.done} of ${run.total} done, ${run.enqueued} notices written`,
    'The server delivers them on the channels each person chose (or run `shebao notices deliver`).',
  ]);
}

/** The yearly statement's e-mail carries its PDF: the command line opens the key as the server does. */
async function attachStatementPdf(app: App): Promise<void> {
  const key = await openAppSigningKey(app);
  app.notifications.attachStatementPdf((code, language) =>
    statementPdf(
      {
        db: app.database.db,
        publicKey: key.publicKey,
        keyId: key.keyId,
        publicBaseUrl: app.config.publicBaseUrl,
      },
      { code, lang: language === 'en' ? 'en' : 'zh' },
    ),
  );
}
