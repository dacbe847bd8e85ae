import type { Command } from 'commander';
import { registerCalcContributions } from './calc-contributions.ts';
import { registerCalcPension } from './calc-pension.ts';
import { registerCalcRetirement } from './calc-retirement.ts';

export function registerCalcCommands(program: Command): void {
  const calc = program
    .command('calc')
    .description('Calculators: contributions, retirement age, basic pension');
  registerCalcContributions(calc);
  registerCalcRetirement(calc);
  registerCalcPension(calc);
}
