import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withApp, type App } from '../../app/index.ts';
import { findPersonId } from '../../modules/rights-record/index.ts';
import {
  issueContributionCertificate,
  issueRightsStatement,
  openSigningKey,
  STATEMENT_LANGUAGES,
  statementPdf,
  verifyStatement,
} from '../../modules/statements/index.ts';
import { CliUsageError, EXIT_INVALID } from '../cli-error.ts';
import { printJson, printLines } from '../output.ts';
import { parseChoiceArgument, parseIntegerArgument, parsePeriodArgument } from '../parse-arguments.ts';

interface IssueOptions {
  id: string;
  kind: string;
  year?: string;
  from?: string;
  to?: string;
  lang: string;
  out: string;
  json?: boolean;
}

export function registerStatementCommands(program: Command): void {
  const statement = program.command('statement').description('Signed statements anyone can verify');
  statement
    .command('issue')
    .description('Issue a signed rights statement (a year) or contribution certificate, written as PDF')
    .requiredOption('--id <identity number>', "the person's resident identity number")
    .option('--kind <kind>', 'rights (the yearly statement) or certificate', 'rights')
    .option('--year <YYYY>', 'the year of a rights statement')
    .option('--from <YYYY-MM>', 'first month of a certificate (default: the first contribution)')
    .option('--to <YYYY-MM>', 'last month of a certificate (default: the last contribution)')
    .option('--lang <lang>', STATEMENT_LANGUAGES.join(' or '), 'zh')
    .requiredOption('--out <file.pdf>', 'where to write the PDF')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: IssueOptions) => {
      const kind = parseChoiceArgument('--kind', options.kind, ['rights', 'certificate'] as const);
      const lang = parseChoiceArgument('--lang', options.lang, STATEMENT_LANGUAGES);
      if (kind === 'rights' && options.year === undefined)
        throw new CliUsageError('--year', 'is required for --kind rights');
      const year =
        options.year === undefined ? undefined : parseIntegerArgument('--year', options.year, 1990, 2200);
      const from = options.from === undefined ? undefined : parsePeriodArgument('--from', options.from);
      const to = options.to === undefined ? undefined : parsePeriodArgument('--to', options.to);
      const issued = await withApp(async (app) => {
        const signingKey = await openAppSigningKey(app);
        const deps = {
          db: app.database.db,
          clock: app.clock,
          signingKey,
          publicBaseUrl: app.config.publicBaseUrl,
        };
        const personId = await findPersonId(deps, options.id);
        const result =
          kind === 'rights'
            ? await issueRightsStatement(deps, { personId, year: year! })
            : await issueContributionCertificate(deps, { personId, from, to });
        const pdf = await statementPdf(
          {
            db: deps.db,
            publicKey: signingKey.publicKey,
            keyId: signingKey.keyId,
            publicBaseUrl: deps.publicBaseUrl,
          },
          { code: result.code, lang },
        );
        writeFileSync(options.out, pdf);
        return result;
      });
      if (options.json)
        return printJson({
          code: issued.code,
          kind: issued.kind,
          verifyUrl: issued.verifyUrl,
          file: options.out,
        });
      printLines([
        `Issued ${issued.kind === 'rights_statement' ? 'rights statement' : 'contribution certificate'} ${issued.code} for ${issued.document.subject.name} (${issued.document.period.from} .. ${issued.document.period.to}).`,
        `PDF written to ${options.out}; verify at ${issued.verifyUrl}`,
      ]);
    });
  statement
    .command('verify')
    .description(
      'Check a verification code: what was certified and whether the signature holds (exit 1 if not)',
    )
    .argument('<code>', 'the verification code printed on the statement')
    .option('--json', 'one JSON object on stdout')
    .action(async (code: string, options: { json?: boolean }) => {
      const verification = await withApp(async (app) => {
        const key = await openAppSigningKey(app);
        return verifyStatement({ db: app.database.db, publicKey: key.publicKey, keyId: key.keyId }, code);
      });
      if (options.json) printJson(verification);
      else {
        printLines([verification.message]);
        if (verification.document) printJson(verification.document);
      }
      if (!verification.valid) process.exitCode = EXIT_INVALID;
    });
  statement
    .command('public-key')
    .description(
      'Print the public key (SPKI PEM) that statements are signed with, creating the key pair if absent',
    )
    .action(async () => {
      const key = await withApp(openAppSigningKey);
      printLines([`# key id ${key.keyId}`, key.publicKeyPem.trimEnd()]);
    });
}

/** The app's signing key (refused when statements exist and it is missing: exit 2). */
export function openAppSigningKey(app: App) {
  return openSigningKey(app.database.db, app.config.signingKeyFile, app.clock.now().toISOString());
}
