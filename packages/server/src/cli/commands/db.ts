import type { Command } from 'commander';
import { loadConfig } from '../../config/index.ts';
import { migrateToLatest, openDatabase, redactDatabaseUrl } from '../../db/index.ts';
import { checkPersonYearSummaries, rebuildSummaries } from '../../modules/rights-record/index.ts';
import { EXIT_INVALID } from '../cli-error.ts';
import { printJson, printLines } from '../output.ts';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('Database schema');
  db.command('migrate')
    .description('Bring the schema of DATABASE_URL up to date')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase(config.databaseUrl);
      try {
        const ran = await migrateToLatest(database.db);
        printLines([
          ran.length ? `ran ${ran.join(', ')}` : 'already up to date',
          `database: ${redactDatabaseUrl(config.databaseUrl)}`,
        ]);
      } finally {
        await database.close();
      }
    });
  db.command('check-summaries')
    .description(
      'Compare the per-person year summaries of the rights record with the contribution lines; exit 1 when they differ',
    )
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { json?: boolean }) => {
      const database = openDatabase(loadConfig().databaseUrl);
      try {
        const check = await checkPersonYearSummaries(database.db);
        if (options.json) printJson(check);
        else
          printLines([
            check.ok
              ? 'The person year summaries agree with the contribution lines.'
              : `The person year summaries do NOT agree: ${check.wrongOrExtra} kept rows wrong or extra, ` +
                `${check.missing} missing. \`shebao db rebuild-summaries\` computes them afresh.`,
          ]);
        if (!check.ok) process.exitCode = EXIT_INVALID;
      } finally {
        await database.close();
      }
    });
  db.command('rebuild-summaries')
    .description('Compute the per-person year summaries of the rights record afresh, in one transaction')
    .action(async () => {
      const database = openDatabase(loadConfig().databaseUrl);
      try {
        await rebuildSummaries(database.db);
        printLines(['The person year summaries were computed afresh.']);
      } finally {
        await database.close();
      }
    });
}
