import type { Command } from 'commander';
import { backUp } from '../../backup/backup.ts';
import { BackupError } from '../../backup/manifest.ts';
import { restore } from '../../backup/restore.ts';
import { systemClock } from '../../app/index.ts';
import { loadConfig } from '../../config/index.ts';
import { openDatabase } from '../../db/index.ts';
import { CliUsageError } from '../cli-error.ts';
import { printJson, printLines } from '../output.ts';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Back up the database (while it is in use), the signing key and the kept public keys into a new folder, with a manifest of checksums',
    )
    .requiredOption('--to <dir>', 'a new or empty folder')
    .option('--json', 'the manifest as one JSON object on stdout')
    .action(async (options: { to: string; json?: boolean }) => {
      const config = loadConfig();
      const database = openDatabase(config.database);
      try {
        const manifest = await asUsageError('--to', () => backUp(database, config, systemClock, options.to));
        if (options.json) return printJson(manifest);
        const rows = Object.values(manifest.tables).reduce((sum, count) => sum + count, 0);
        printLines([
          `Backed up the ${manifest.dialect} database at ${manifest.migrations.at(-1)} (${Object.keys(manifest.tables).length} tables, ${rows} rows) and ${manifest.files.length} files to ${options.to}.`,
        ]);
      } finally {
        await database.close();
      }
    });
  program
    .command('restore')
    .description(
      'Restore a backup into DATABASE_URL and SHEBAO_SIGNING_KEY_FILE; refuses a damaged or partial backup, and a database that is not empty unless --force. Stop the server first',
    )
    .requiredOption('--from <dir>', 'the backup folder')
    .option('--force', 'replace a database and a signing key that already hold something')
    .option('--json', 'the manifest restored as one JSON object on stdout')
    .action(async (options: { from: string; force?: boolean; json?: boolean }) => {
      const config = loadConfig();
      const manifest = await asUsageError('--from', () =>
        restore(config, options.from, { force: options.force ?? false }),
      );
      if (options.json) return printJson(manifest);
      printLines([
        `Restored the backup of ${manifest.createdAt} (${manifest.dialect}, ${manifest.migrations.at(-1)}); run \`shebao ledger verify\` to prove it.`,
      ]);
    });
}

/** A backup that cannot be used is the argument's fault: one line, exit 2. */
async function asUsageError<T>(argument: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new CliUsageError(argument, error.message);
    throw error;
  }
}
