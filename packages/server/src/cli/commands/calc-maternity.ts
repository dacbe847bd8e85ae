import {
  chinaDateOf,
  dateToPeriod,
  leaveExtensionOf,
  maternityAllowance,
  maternityAllowanceRuleOf,
  maternityLeaveDays,
  maternityLeaveRuleOf,
  MISCARRIAGES,
  NATIONAL_REGION,
  type MaternityAllowance,
  type MaternityLeaveDays,
} from '@shebao/domain';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { printJson, printLines } from '../output.ts';
import {
  parseChoiceArgument,
  parseIntegerArgument,
  parseKnownRegionArgument,
  parsePeriodArgument,
  parseYuanArgument,
} from '../parse-arguments.ts';

interface Options {
  employerAverageWage: string;
  region?: string;
  month?: string;
  dystocia?: boolean;
  babies: string;
  miscarriage?: string;
  json?: boolean;
}

export function registerCalcMaternity(calc: Command): void {
  calc
    .command('maternity')
    .description(
      'Maternity leave days (WLP Art. 7, with the region’s extension) and the allowance (SIL Art. 56)',
    )
    .requiredOption(
      '--employer-average-wage <yuan>',
      "the employer's average monthly wage of its employees in the previous year",
    )
    .option('--region <code>', 'GB/T 2260 code of the region, for its extension of the leave and its payee')
    .option('--month <YYYY-MM>', 'month the leave begins (default: this month)')
    .option('--dystocia', 'a difficult birth (+15 days)')
    .option('--babies <n>', 'babies born at this birth (+15 days each after the first)', '1')
    .option('--miscarriage <when>', `${MISCARRIAGES.join(' (before 4 months) | ')} (from 4 months)`)
    .option('--json', 'one JSON object on stdout, amounts in fen')
    .action(async (options: Options) => {
      const employerAverageWageFen = parseYuanArgument(
        '--employer-average-wage',
        options.employerAverageWage,
      );
      const regionCode =
        options.region === undefined ? NATIONAL_REGION : parseKnownRegionArgument('--region', options.region);
      const babies = parseIntegerArgument('--babies', options.babies, 1, 9);
      const miscarriage =
        options.miscarriage === undefined
          ? null
          : parseChoiceArgument('--miscarriage', options.miscarriage, MISCARRIAGES);
      const month = options.month === undefined ? undefined : parsePeriodArgument('--month', options.month);
      const result = await withApp(async (app) => {
        const book = await app.policy.loadBook();
        const at = { regionCode, period: month ?? dateToPeriod(chinaDateOf(app.clock.now())) };
        const leave = maternityLeaveDays({
          dystocia: options.dystocia === true,
          babies,
          miscarriage,
          leave: maternityLeaveRuleOf(book, at),
          regionalExtension: regionCode === NATIONAL_REGION ? null : leaveExtensionOf(book, at),
        });
        const allowance = maternityAllowance({
          employerAverageWageFen,
          leaveDays: leave.leaveDays,
          rule: maternityAllowanceRuleOf(book, at),
        });
        return { leave, allowance };
      });
      if (options.json)
        printJson({
          leaveDays: result.leave.leaveDays,
          allowanceFen: result.allowance.allowanceFen,
          explanation: { leave: result.leave.explanation, allowance: result.allowance.explanation },
        });
      else printMaternity(result);
    });
}

function printMaternity({
  leave,
  allowance,
}: {
  leave: MaternityLeaveDays;
  allowance: MaternityAllowance;
}): void {
  printLines([
    `Leave: ${leave.leaveDays} days   ${leave.explanation.formula}`,
    `Allowance: ${allowance.explanation.formula} yuan, paid to the ${allowance.explanation.inputs.payee}`,
    `Sources: ${[...new Set([...leave.explanation.sources, ...allowance.explanation.sources])].join('; ')}`,
  ]);
}
