import {
  chinaDateOf,
  dateToPeriod,
  formatFenAsYuan,
  injuryBenefitTablesOf,
  injuryDisabilityBenefits,
  NATIONAL_REGION,
  NURSING_LEVELS,
  type InjuryDisabilityBenefits,
} from '@shebao/domain';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { printJson, printLines } from '../output.ts';
import {
  parseChoiceArgument,
  parseIntegerArgument,
  parsePositiveYuanArgument,
  parseYuanArgument,
} from '../parse-arguments.ts';

interface Options {
  grade: string;
  ownWage: string;
  averageWage: string;
  minimumWage?: string;
  nursing: string;
  json?: boolean;
}

export function registerCalcInjury(calc: Command): void {
  calc
    .command('injury')
    .description(
      'Work-injury disability benefits by grade (WIIR Arts. 34-37, 64): one-time subsidy, monthly allowance, nursing',
    )
    .requiredOption('--grade <1-10>', 'disability grade, 1 the most severe')
    .requiredOption(
      '--own-wage <yuan>',
      'own monthly wage (本人工资); held within 60%-300% of --average-wage',
    )
    .requiredOption('--average-wage <yuan>', "the region's average monthly wage of employees")
    .option('--minimum-wage <yuan>', 'local monthly minimum wage, the floor of the disability allowance')
    .option('--nursing <level>', NURSING_LEVELS.join(' | '), 'none')
    .option('--json', 'one JSON object on stdout, amounts in fen')
    .action(async (options: Options) => {
      const grade = parseIntegerArgument('--grade', options.grade, 1, 10);
      const ownWageFen = parseYuanArgument('--own-wage', options.ownWage);
      const averageWageFen = parsePositiveYuanArgument('--average-wage', options.averageWage);
      const minimumWageFen =
        options.minimumWage === undefined
          ? undefined
          : parseYuanArgument('--minimum-wage', options.minimumWage);
      const nursing = parseChoiceArgument('--nursing', options.nursing, NURSING_LEVELS);
      const result = await withApp(async (app) => {
        // The grade tables are national policy (WIIR), read as in force today.
        const period = dateToPeriod(chinaDateOf(app.clock.now()));
        const tables = injuryBenefitTablesOf(await app.policy.loadBook(), {
          regionCode: NATIONAL_REGION,
          period,
        });
        return injuryDisabilityBenefits({
          grade,
          ownWageFen,
          averageWageFen,
          minimumWageFen,
          nursing,
          tables,
        });
      });
      if (options.json) printJson(toJson(result));
      else printInjury(grade, result);
    });
}

function toJson(result: InjuryDisabilityBenefits) {
  return {
    ownWageFen: result.ownWageFen,
    oneTimeSubsidyFen: result.oneTimeSubsidyFen,
    monthlyAllowanceFen: result.monthlyAllowanceFen,
    allowancePayer: result.allowancePayer,
    nursingMonthlyFen: result.nursingMonthlyFen,
    explanation: result.explanation,
  };
}

function printInjury(grade: number, result: InjuryDisabilityBenefits): void {
  const { explanation } = result;
  printLines([
    `Work-injury disability, grade ${grade}`,
    `Own wage:                 ${formatFenAsYuan(result.ownWageFen)}   ${explanation.ownWage.formula}`,
    `One-time subsidy:         ${formatFenAsYuan(result.oneTimeSubsidyFen)}   ${explanation.oneTimeSubsidy.formula}`,
    `Monthly allowance:        ${formatFenAsYuan(result.monthlyAllowanceFen)}   ${explanation.monthlyAllowance.formula}` +
      (result.allowancePayer ? ` (paid by the ${result.allowancePayer})` : ''),
    `Monthly nursing:          ${formatFenAsYuan(result.nursingMonthlyFen)}   ${explanation.nursing.formula}`,
    `Sources: ${[...new Set(Object.values(explanation).flatMap((part) => part.sources))].join('; ')}`,
  ]);
}
