import {
  calculateBasicPension,
  formatFenAsYuan,
  type BasicPensionResult,
  type DivisorTable,
  type RoundingMode,
  type TransitionalInput,
} from '@shebao/domain';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { CliUsageError } from '../cli-error.ts';
import { printJson, printLines, printTable } from '../output.ts';
import {
  parseAgeArgument,
  parseDecimalArgument,
  parsePeriodArgument,
  parseRegionArgument,
  parseYuanArgument,
} from '../parse-arguments.ts';

interface Options {
  region: string;
  retire: string;
  age: string;
  years: string;
  index: string;
  balance: string;
  calcBase?: string;
  deemedYears?: string;
  json?: boolean;
}

export function registerCalcPension(calc: Command): void {
  calc
    .command('pension')
    .description(
      'Monthly basic pension at retirement (GF-2005-38): basic, personal-account and transitional parts',
    )
    .requiredOption('--region <code>', 'GB/T 2260 code of the region that pays the pension')
    .requiredOption('--retire <YYYY-MM>', 'retirement month')
    .requiredOption('--age <age>', 'age at retirement: 60, or 60y3m with extra months')
    .requiredOption('--years <years>', 'contribution years including deemed years, e.g. 30.5')
    .requiredOption('--index <factor>', 'average contribution index, e.g. 1.2')
    .requiredOption('--balance <yuan>', 'pension personal account balance at retirement')
    .option(
      '--calc-base <yuan>',
      "calculation base (计发基数); default: the region's published base for that year",
    )
    .option(
      '--deemed-years <years>',
      'deemed contribution years (视同缴费年限) for the transitional part',
      '0',
    )
    .option('--json', 'one JSON object on stdout, amounts in fen')
    .action(async (options: Options) => {
      const regionCode = parseRegionArgument('--region', options.region);
      const period = parsePeriodArgument('--retire', options.retire);
      const retirementAgeMonths = parseAgeArgument('--age', options.age);
      const contributionMonths = parseYearsAsMonths('--years', options.years);
      const deemedMonths = parseYearsAsMonths('--deemed-years', options.deemedYears ?? '0');
      const averageIndexPpm = parseDecimalArgument('--index', options.index, 6);
      const accountBalanceFen = parseYuanArgument('--balance', options.balance);
      const givenCalcBaseFen =
        options.calcBase === undefined ? undefined : parseYuanArgument('--calc-base', options.calcBase);

      const result = await withApp(async (app) => {
        const book = await app.policy.loadBook();
        const query = { regionCode, period };
        const calcBaseFen = givenCalcBaseFen ?? book.require<number>('pension.calculationBase', query).value;
        const transitional = book.require<Record<string, unknown>>('pension.transitional', query);
        const { name, ...coefficients } = transitional.value as { name: string } & Partial<TransitionalInput>;
        return calculateBasicPension({
          calcBaseFen,
          averageIndexPpm,
          contributionMonths,
          accountBalanceFen,
          retirementAgeMonths,
          divisors: book.require<DivisorTable>('pension.divisors', query).value,
          divisorsSource: book.require('pension.divisors', query).parameter.source,
          divisorPolicy: book.require<{ name: string }>('pension.divisorPolicy', query).value.name,
          transitional: {
            ...coefficients,
            scheme: name,
            deemedMonths,
            source: transitional.parameter.source,
          },
          rounding: book.require<RoundingMode>('pension.rounding', query).value,
        });
      });
      if (options.json) printJson(toJson(result));
      else printPension(result);
    });
}

/** Years with up to two decimals, which must come to whole months (30.5 -> 366). */
function parseYearsAsMonths(argument: string, text: string): number {
  const hundredths = parseDecimalArgument(argument, text, 2);
  if ((hundredths * 12) % 100 !== 0) {
    throw new CliUsageError(
      argument,
      `"${text}" years is not a whole number of months (use months / 12, e.g. 30.25)`,
    );
  }
  return (hundredths * 12) / 100;
}

function toJson(result: BasicPensionResult) {
  return {
    calcBaseFen: result.calcBaseFen,
    divisor: result.divisor,
    divisorPolicy: result.divisorPolicy,
    basicFen: result.basicFen,
    accountFen: result.accountFen,
    transitionalFen: result.transitionalFen,
    totalFen: result.totalFen,
    explanation: result.explanation,
  };
}

function printPension(result: BasicPensionResult): void {
  const parts = [
    ['Basic (基础养老金)', result.basicFen, result.explanation.basic.formula],
    ['Personal account (个人账户养老金)', result.accountFen, result.explanation.account.formula],
    ['Transitional (过渡性养老金)', result.transitionalFen, result.explanation.transitional.formula],
  ] as const;
  printTable(
    ['Part', 'Monthly yuan', 'How'],
    parts.map(([label, amountFen, formula]) => [label, formatFenAsYuan(amountFen), formula]),
    { alignRight: [1] },
  );
  printLines([
    `Total ${formatFenAsYuan(result.totalFen)} yuan a month (calculation base ${formatFenAsYuan(result.calcBaseFen)}, divisor ${result.divisor})`,
    `Sources: ${[...new Set(Object.values(result.explanation).flatMap((part) => part.sources))].join('; ')}`,
  ]);
}
