import {
  chinaDateOf,
  dateToPeriod,
  formatFenAsYuan,
  injuryBenefitTablesOf,
  injuryDeathBenefits,
  injuryDeathRuleOf,
  NATIONAL_REGION,
  type InjuryDeathBenefits,
} from '@shebao/domain';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { CliUsageError } from '../cli-error.ts';
import { printJson, printLines } from '../output.ts';
import { parseIntegerArgument, parsePositiveYuanArgument, parseYuanArgument } from '../parse-arguments.ts';

interface Options {
  ownWage: string;
  averageWage: string;
  urbanIncome: string;
  spouse?: boolean;
  dependents: string;
  extra: string;
  json?: boolean;
}

export function registerCalcInjuryDeath(calc: Command): void {
  calc
    .command('injury-death')
    .description(
      "Benefits on a death from a work injury (WIIR Art. 39): funeral subsidy, one-time subsidy, survivors' pension",
    )
    .requiredOption(
      '--own-wage <yuan>',
      "the deceased's own monthly wage; held within 60%-300% of --average-wage",
    )
    .requiredOption('--average-wage <yuan>', "the region's average monthly wage of employees")
    .requiredOption(
      '--urban-income <yuan>',
      "the previous year's national urban per-capita disposable income (yearly), e.g. 54188",
    )
    .option('--spouse', 'a spouse is a dependent survivor (40%)')
    .option('--dependents <n>', 'other dependent survivors (30% each)', '0')
    .option(
      '--extra <k>',
      'dependents, the spouse included, who are orphans or lone elderly (+10% each)',
      '0',
    )
    .option('--json', 'one JSON object on stdout, amounts in fen')
    .action(async (options: Options) => {
      const ownWageFen = parseYuanArgument('--own-wage', options.ownWage);
      const averageWageFen = parsePositiveYuanArgument('--average-wage', options.averageWage);
      const urbanIncomeFen = parseYuanArgument('--urban-income', options.urbanIncome);
      const dependents = parseIntegerArgument('--dependents', options.dependents, 0, 20);
      const extra = parseIntegerArgument('--extra', options.extra, 0, 21);
      const spouse = options.spouse === true;
      const survivors = dependents + (spouse ? 1 : 0);
      if (extra > survivors)
        throw new CliUsageError(
          '--extra',
          `${extra} is more than the ${survivors} dependent survivors (--dependents, and --spouse)`,
        );
      const result = await withApp(async (app) => {
        const book = await app.policy.loadBook();
        const at = { regionCode: NATIONAL_REGION, period: dateToPeriod(chinaDateOf(app.clock.now())) };
        return injuryDeathBenefits({
          ownWageFen,
          averageWageFen,
          urbanIncomeFen,
          spouse,
          dependents,
          extra,
          rule: injuryDeathRuleOf(book, at),
          tables: injuryBenefitTablesOf(book, at),
        });
      });
      if (options.json) printJson(toJson(result));
      else printDeath(result);
    });
}

function toJson(result: InjuryDeathBenefits) {
  return {
    ownWageFen: result.ownWageFen,
    funeralFen: result.funeralFen,
    oneTimeFen: result.oneTimeFen,
    survivorsMonthlyFen: result.survivorsMonthlyFen,
    explanation: result.explanation,
  };
}

function printDeath(result: InjuryDeathBenefits): void {
  const { explanation } = result;
  printLines([
    `Own wage:                 ${formatFenAsYuan(result.ownWageFen)}   ${explanation.ownWage.formula}`,
    `Funeral subsidy:          ${formatFenAsYuan(result.funeralFen)}   ${explanation.funeral.formula}`,
    `One-time death subsidy:   ${formatFenAsYuan(result.oneTimeFen)}   ${explanation.oneTime.formula}`,
    `Survivors monthly:        ${formatFenAsYuan(result.survivorsMonthlyFen)}   ${explanation.survivors.formula}`,
    `Sources: ${[...new Set(Object.values(explanation).flatMap((part) => part.sources))].join('; ')}`,
  ]);
}
