import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { rotateSigningKey, selectKeptPublicKeys } from '../../modules/statements/index.ts';
import { printJson, printLines, printTable } from '../output.ts';
import { openAppSigningKey } from './statement.ts';

export function registerKeyCommands(program: Command): void {
  const keys = program
    .command('keys')
    .description(
      'The statement signing keys: the current one (SHEBAO_SIGNING_KEY_FILE) and the kept public keys',
    );
  keys
    .command('list')
    .description('Every kept public key, which one signs now, and when each was retired')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { json?: boolean }) => {
      const { current, kept } = await withApp(async (app) => ({
        current: await openAppSigningKey(app),
        kept: await selectKeptPublicKeys(app.database.db),
      }));
      if (options.json) return printJson({ currentKeyId: current.keyId, keys: kept });
      printTable(
        ['Key id', 'Added', 'Retired', ''],
        kept.map((key) => [
          key.keyId,
          key.addedAt,
          key.retiredAt ?? '',
          key.keyId === current.keyId ? 'signs now' : '',
        ]),
      );
    });
  keys
    .command('rotate')
    .description(
      'Replace the signing key with a new one; the old public key is kept, so its statements still verify',
    )
    .option(
      '--replace-missing',
      'the key file is lost for good (no backup has it): make a new key although statements exist',
    )
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { replaceMissing?: boolean; json?: boolean }) => {
      const { retiredKeyId, current, unverifiable } = await withApp((app) =>
        rotateSigningKey(app.database.db, app.config.signingKeyFile, app.clock.now().toISOString(), {
          replaceMissing: options.replaceMissing ?? false,
        }),
      );
      if (options.json) return printJson({ retiredKeyId, currentKeyId: current.keyId, unverifiable });
      printLines([
        retiredKeyId
          ? `Key ${retiredKeyId} retired (its public key is kept: its statements still verify).`
          : 'The lost key is replaced; every kept key is retired (their statements still verify).',
        ...(unverifiable.length
          ? [`Statements signed with ${unverifiable.join(', ')} cannot be verified: no public key was kept.`]
          : []),
        `Key ${current.keyId} signs from now on.`,
        current.publicKeyPem.trimEnd(),
      ]);
    });
}
