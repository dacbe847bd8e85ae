import type { Command } from 'commander';
import { openApp } from '../../app/index.ts';
import { redactDatabaseUrl } from '../../db/index.ts';
import { describeDemoLogins, listDemoLogins } from '../../demo/demo-accounts.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { buildServer } from '../../http/build-server.ts';
import { describeDemo } from './demo.ts';
import { printLines } from '../output.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Migrate the database, load the reference data and serve the API and web app')
    .option('--demo', 'load the demo region into an empty database')
    .action(async (options: { demo?: boolean }) => {
      const app = await openApp();
      if (options.demo) printLines([describeDemo(await loadDemo(app))]);
      const server = await buildServer(app);
      // The worker that delivers notices (docs/RULES.md 17.4); SHEBAO_NOTICE_INTERVAL_MS=0 runs none.
      const worker =
        app.config.notices.workerIntervalMs > 0
          ? app.notifications.worker({
              intervalMs: app.config.notices.workerIntervalMs,
              onError: (error) => server.log.error({ err: error }, 'notice delivery round failed'),
            })
          : undefined;
      worker?.start();
      // Temporary loss reports past their days lapse by themselves (docs/RULES.md 18.5): swept every hour
      // over every region, as `shebao cards lapse-losses` does by hand.
      const sweep = setInterval(
        () =>
          void app.cards
            .lapseTemporaryLosses('000000')
            .catch((error: unknown) => server.log.error({ err: error }, 'card loss sweep failed')),
        3_600_000,
      );
      sweep.unref();
      const close = async () => {
        clearInterval(sweep);
        await worker?.stop();
        await server.close();
        await app.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await server.listen({ port: app.config.port, host: app.config.host });
      const shown = app.config.host === '0.0.0.0' ? 'localhost' : app.config.host;
      printLines([
        '',
        `Shebao is running at http://${shown === '127.0.0.1' ? 'localhost' : shown}:${app.config.port}`,
        `  database: ${redactDatabaseUrl(app.config.databaseUrl)}`,
        `  health:   http://${shown}:${app.config.port}/api/health`,
        ...(options.demo ? describeDemoLogins(await listDemoLogins(app.database.db)) : []),
        '  Stop with Ctrl+C.',
      ]);
      // Keep the command alive until a signal closes the server.
      await new Promise(() => {});
    });
}
