import type { Command } from 'commander';
import { loadConfig } from '../../config/index.ts';
import { migrateToLatest, openDatabase, redactDatabaseUrl } from '../../db/index.ts';
import { printLines } from '../output.ts';

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
}
