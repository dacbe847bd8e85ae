import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { loadConfig } from '../../config/index.ts';
import { STAFF_ROLES, type NewUserInput } from '../../modules/auth/index.ts';
import { CliUsageError } from '../cli-error.ts';
import { printJson, printLines, printTable } from '../output.ts';
import { parseIntegerArgument } from '../parse-arguments.ts';

/** The password from SHEBAO_PASSWORD or the first line of standard input: never a command-line argument. */
export async function readPassword(): Promise<string> {
  const fromEnv = process.env.SHEBAO_PASSWORD;
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY)
    throw new CliUsageError('password', 'set SHEBAO_PASSWORD or pipe it on standard input');
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  const password = text.split(/\r?\n/)[0] ?? '';
  if (!password) throw new CliUsageError('password', 'standard input was empty');
  return password;
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function registerUserCommands(program: Command): void {
  const users = program
    .command('users')
    .description('Accounts: staff, system, employer users and insured persons');
  users
    .command('add')
    .description('Create an account; the password comes from SHEBAO_PASSWORD or standard input')
    .requiredOption('--kind <kind>', 'staff, system, employer or person')
    .option('--user <name>', 'login name (staff, system, employer user)')
    .option('--name <display name>', 'shown in the app and in approvals')
    .option('--roles <list>', `comma-separated: ${STAFF_ROLES.join(', ')}`)
    .option('--regions <list>', 'comma-separated GB/T 2260 codes the account may act in, e.g. 110000')
    .option('--employer-id <id>', 'the employer of an employer user')
    .option('--person-id <id>', 'the insured person of a person account')
    .option('--json', 'the account as JSON')
    .action(
      async (options: {
        kind: string;
        user?: string;
        name?: string;
        roles?: string;
        regions?: string;
        employerId?: string;
        personId?: string;
        json?: boolean;
      }) => {
        const input = {
          kind: options.kind,
          userName: options.user,
          displayName: options.name ?? options.user,
          roles: options.roles === undefined ? undefined : list(options.roles),
          regionCodes: options.regions === undefined ? undefined : list(options.regions),
          employerId: options.employerId === undefined ? undefined : Number(options.employerId),
          personId: options.personId === undefined ? undefined : Number(options.personId),
          password: options.kind === 'system' ? undefined : await readPassword(),
        };
        const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
        if (options.kind === 'person') delete defined.displayName;
        const user = await withApp((app) => app.auth.addUser(defined as NewUserInput, 'cli'));
        if (options.json) return printJson(user);
        printLines([`Account ${user.loginKey} created (id ${user.id}, roles ${user.roles.join(', ')}).`]);
      },
    );
  users
    .command('token')
    .description(
      'Issue a bearer API token for a staff or system account; printed once, only its hash is kept',
    )
    .requiredOption('--user-id <id>', 'the account the token acts as')
    .requiredOption('--name <name>', 'what the token is for, e.g. "bank gateway"')
    .option('--scope <scope>', 'read or write', 'read')
    .option('--days <n>', 'expires after this many days (default SHEBAO_TOKEN_DEFAULT_DAYS)')
    .action(async (options: { userId: string; name: string; scope: string; days?: string }) => {
      const userId = parseIntegerArgument('--user-id', options.userId, 1, Number.MAX_SAFE_INTEGER);
      // Bad arguments are exit code 2 before anything opens: the lifetime is bounded by the configuration.
      const days =
        options.days === undefined
          ? undefined
          : parseIntegerArgument('--days', options.days, 1, loadConfig().tokenMaxDays);
      const token = await withApp((app) =>
        app.auth.createApiToken(
          {
            userId,
            name: options.name,
            scope: options.scope as 'read' | 'write',
            ...(days === undefined ? {} : { expiresInDays: days }),
          },
          'cli',
        ),
      );
      printLines([token.token]);
    });
  users
    .command('tokens')
    .description('List API tokens, newest first: whom each acts as, who issued it, when it expires')
    .option('--limit <n>', 'at most this many', '50')
    .option('--json', 'the tokens as JSON')
    .action(async (options: { limit: string; json?: boolean }) => {
      const limit = parseIntegerArgument('--limit', options.limit, 1, 10_000);
      const tokens = await withApp((app) => app.auth.listApiTokens('cli', { limit }));
      if (options.json) return printJson(tokens);
      printTable(
        ['id', 'name', 'scope', 'acts as', 'issued by', 'expires', 'revoked'],
        tokens.map((token) => [
          token.id,
          token.name,
          token.scope,
          token.userLoginKey,
          token.createdByLoginKey ?? token.createdVia,
          token.expiresAt ?? '',
          token.revokedAt ?? '',
        ]),
      );
    });
  users
    .command('revoke-token')
    .description('Revoke an API token at once (see `users tokens` for ids)')
    .requiredOption('--id <id>', 'the token id')
    .action(async (options: { id: string }) => {
      const id = parseIntegerArgument('--id', options.id, 1, Number.MAX_SAFE_INTEGER);
      const token = await withApp((app) => app.auth.revokeApiToken(id, 'cli'));
      printLines([
        `Token ${token.id} (${token.name}, acting as ${token.userLoginKey}) revoked at ${token.revokedAt}.`,
      ]);
    });
}
