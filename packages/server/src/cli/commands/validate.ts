import { validateCreditCode, validateResidentId, type BusinessDate } from '@shebao/domain';
import type { Command } from 'commander';
import { EXIT_INVALID } from '../cli-error.ts';
import { printJson, printLines } from '../output.ts';

/** Today in China time, for the "birth date not in the future" rule. */
function todayInChina(): BusinessDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

export function registerValidateCommands(program: Command): void {
  const validate = program
    .command('validate')
    .description('Check an identifier: exit 0 when valid, 1 when not');

  validate
    .command('id <number>')
    .description('18-digit resident identity number (a 15-digit legacy number is converted)')
    .option('--json', 'one JSON object on stdout')
    .action((number: string, options: { json?: boolean }) => {
      const result = validateResidentId(number, { today: todayInChina() });
      if (options.json) printJson(result);
      if (!result.ok) {
        if (!options.json) printLines([`invalid: ${result.reason}`]);
        process.exitCode = EXIT_INVALID;
        return;
      }
      if (!options.json) {
        const converted = result.converted ? ` (converted from the 15-digit number ${number.trim()})` : '';
        printLines([`valid: ${result.id}${converted}, ${result.sex}, born ${result.birthDate}`]);
      }
    });

  validate
    .command('uscc <code>')
    .description('18-character unified social credit code')
    .option('--json', 'one JSON object on stdout')
    .action((code: string, options: { json?: boolean }) => {
      const result = validateCreditCode(code);
      if (options.json) printJson(result);
      if (!result.ok) {
        if (!options.json) printLines([`invalid: ${result.reason}`]);
        process.exitCode = EXIT_INVALID;
        return;
      }
      if (!options.json) {
        printLines([
          `valid: ${result.code}, region ${result.regionCode}, organisation code ${result.organisationCode}`,
        ]);
      }
    });
}
