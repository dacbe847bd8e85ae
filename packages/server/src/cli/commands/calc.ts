import type { Command } from 'commander';
import { registerCalcContributions } from './calc-contributions.ts';
import { registerCalcInjuryDeath } from './calc-injury-death.ts';
import { registerCalcInjury } from './calc-injury.ts';
import { registerCalcMaternity } from './calc-maternity.ts';
import { registerCalcPension } from './calc-pension.ts';
import { registerCalcRetirement } from './calc-retirement.ts';
import { registerCalcUnemployment } from './calc-unemployment.ts';

export function registerCalcCommands(program: Command): void {
  const calc = program
    .command('calc')
    .description(
      'Calculators: contributions, retirement age, basic pension, work-injury and work-death benefits, unemployment benefit, maternity leave and allowance',
    );
  registerCalcContributions(calc);
  registerCalcRetirement(calc);
  registerCalcPension(calc);
  registerCalcInjury(calc);
  registerCalcInjuryDeath(calc);
  registerCalcUnemployment(calc);
  registerCalcMaternity(calc);
}
