import {
  calculateContributions,
  CATEGORIES,
  formatFenAsYuan,
  formatPpmAsPercent,
  parsePercentToPpm,
  type ContributionResult,
} from '@shebao/domain';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { CliUsageError } from '../cli-error.ts';
import { printJson, printLines, printTable } from '../output.ts';
import {
  parseChoiceArgument,
  parseIntegerArgument,
  parsePeriodArgument,
  parseRegionArgument,
  parseYuanArgument,
} from '../parse-arguments.ts';

interface Options {
  region: string;
  period: string;
  wage?: string;
  base?: string;
  category: string;
  injuryClass?: string;
  injuryFloat?: string;
  json?: boolean;
}

export function registerCalcContributions(calc: Command): void {
  calc
    .command('contributions')
    .description(
      'Monthly contributions of one person: every insurance and party, with the rule and its source',
    )
    .requiredOption('--region <code>', 'GB/T 2260 region code, e.g. 110000')
    .requiredOption('--period <YYYY-MM>', 'contribution month')
    .option('--wage <yuan>', 'monthly wage (the declared base unless --base is given)')
    .option('--base <yuan>', 'declared or chosen contribution base')
    .option('--category <category>', `${CATEGORIES.join(' or ')}`, 'employee')
    .option('--injury-class <1-8>', 'work-injury industry risk class (default 1)')
    .option('--injury-float <percent>', 'work-injury floating factor in percent, e.g. 120 (default 100)')
    .option('--json', 'one JSON object on stdout, amounts in fen')
    .action(async (options: Options) => {
      const input = {
        regionCode: parseRegionArgument('--region', options.region),
        period: parsePeriodArgument('--period', options.period),
        category: parseChoiceArgument('--category', options.category, CATEGORIES),
        wageFen: options.wage === undefined ? undefined : parseYuanArgument('--wage', options.wage),
        baseFen: options.base === undefined ? undefined : parseYuanArgument('--base', options.base),
        injuryClass:
          options.injuryClass === undefined
            ? undefined
            : parseIntegerArgument('--injury-class', options.injuryClass, 1, 8),
        injuryFloatPpm:
          options.injuryFloat === undefined ? undefined : parseFloatArgument(options.injuryFloat),
      };
      if (input.wageFen === undefined && input.baseFen === undefined) {
        throw new CliUsageError('--wage', 'give a monthly wage (or --base)');
      }
      const result = await withApp(async (app) => calculateContributions(await app.policy.loadBook(), input));
      if (options.json) printJson(toJson(result));
      else printContributions(result);
    });
}

function parseFloatArgument(text: string): number {
  try {
    const ppm = parsePercentToPpm(text, '--injury-float') * 100;
    if (ppm <= 0) throw new Error('must be above zero');
    return ppm;
  } catch (error) {
    throw new CliUsageError(
      '--injury-float',
      `"${text}" ${error instanceof Error ? error.message.replace(/^.*?: /, '') : ''}`,
    );
  }
}

function toJson(result: ContributionResult) {
  return {
    region: result.regionCode,
    period: result.period,
    category: result.category,
    lines: result.lines.map((line) => ({
      insurance: line.insurance,
      party: line.party,
      baseFen: line.baseFen,
      ratePpm: line.ratePpm,
      fixedFen: line.fixedFen,
      amountFen: line.amountFen,
      personalAccountFen: line.personalAccountFen,
      rounding: line.rounding,
      explanation: line.explanation,
    })),
    totals: result.totals,
    notes: result.notes,
  };
}

function printContributions(result: ContributionResult): void {
  printLines([`Contributions for region ${result.regionCode}, ${result.period} (${result.category})`]);
  printTable(
    ['Insurance', 'Party', 'Base', 'Rate', 'Fixed', 'Amount', 'To account', 'How'],
    result.lines.map((line) => [
      line.insurance,
      line.party,
      formatFenAsYuan(line.baseFen),
      formatPpmAsPercent(line.ratePpm),
      line.fixedFen ? formatFenAsYuan(line.fixedFen) : '',
      formatFenAsYuan(line.amountFen),
      line.personalAccountFen ? formatFenAsYuan(line.personalAccountFen) : '',
      line.explanation.formula,
    ]),
    { alignRight: [2, 3, 4, 5, 6] },
  );
  const { employerFen, employeeFen, totalFen } = result.totals;
  printLines([
    `Employer ${formatFenAsYuan(employerFen)}   Employee ${formatFenAsYuan(employeeFen)}   Total ${formatFenAsYuan(totalFen)} yuan`,
    ...result.notes.map((note) => `Note: ${note}`),
    `Sources: ${[...new Set(result.lines.flatMap((line) => line.explanation.sources))].join('; ')}`,
  ]);
}
