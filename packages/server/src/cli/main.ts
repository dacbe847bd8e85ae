import { PolicyMissingError } from '@shebao/domain';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/index.ts';
import { AppError, ErrorCode } from '../errors/index.ts';
import { CliUsageError, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './cli-error.ts';
import { registerAccountCommands } from './commands/accounts.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerBenefitCommands } from './commands/benefits.ts';
import { registerCalcCommands } from './commands/calc.ts';
import { registerCardCommands } from './commands/cards.ts';
import { registerCollectCommands } from './commands/collect.ts';
import { registerDbCommands } from './commands/db.ts';
import { registerDemoCommand } from './commands/demo.ts';
import { registerKeyCommands } from './commands/keys.ts';
import { registerLedgerCommands } from './commands/ledger.ts';
import { registerPayCommand } from './commands/pay.ts';
import { registerPaymentImportCommands } from './commands/payments.ts';
import { registerMedicalCommands } from './commands/medical.ts';
import { registerNoticeCommands } from './commands/notices.ts';
import { registerPayrollCommands } from './commands/payroll.ts';
import { registerPolicyCommands } from './commands/policy.ts';
import { registerRegistrationCommands } from './commands/register.ts';
import { registerRightsRecordCommand } from './commands/rights-record.ts';
import { registerServeCommand } from './commands/serve.ts';
import { registerStatementCommands } from './commands/statement.ts';
import { registerUserCommands } from './commands/users.ts';
import { registerValidateCommands } from './commands/validate.ts';

export function buildProgram(): Command {
  const program = new Command('shebao')
    .description('Shebao social insurance administration: calculators, collection, ledger and the server')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      // Commander's own usage errors are one line already; keep them on stderr.
      writeErr: (text) => process.stderr.write(text),
    });
  registerCalcCommands(program);
  registerValidateCommands(program);
  registerPolicyCommands(program);
  registerRegistrationCommands(program);
  registerCollectCommands(program);
  registerPayCommand(program);
  registerPaymentImportCommands(program);
  registerLedgerCommands(program);
  registerPayrollCommands(program);
  registerMedicalCommands(program);
  registerCardCommands(program);
  registerNoticeCommands(program);
  registerAccountCommands(program);
  registerBenefitCommands(program);
  registerRightsRecordCommand(program);
  registerStatementCommands(program);
  registerKeyCommands(program);
  registerUserCommands(program);
  registerDbCommands(program);
  registerBackupCommands(program);
  registerDemoCommand(program);
  registerServeCommand(program);
  return program;
}

/**
 * Runs the command line and returns the exit code: 0 done; 1 refused (nothing found under a well-formed
 * key, already registered, a business rule) or, for validate and verify, invalid or discrepancies found;
 * 2 bad arguments, including a value a service finds malformed (a credit code with a wrong check
 * character). Errors are one line naming the argument or field and the reason; never a stack trace.
 */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version output end here too, with exit code 0.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof CliUsageError || error instanceof ConfigError) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof RangeError) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof AppError && error.code === ErrorCode.VALIDATION) {
    // The service checked the value the argument gave and found it malformed: a bad argument.
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof PolicyMissingError || error instanceof AppError) {
    process.stderr.write(`error: ${error.message}\n`);
    return EXIT_INVALID;
  }
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.SHEBAO_DEBUG) console.error(error);
  return EXIT_INVALID;
}
