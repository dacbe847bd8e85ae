import {
  dateToPeriod,
  formatFenAsYuan,
  unemploymentDurationOf,
  unemploymentEntitlement,
  unemploymentMonthlyAmount,
  unemploymentScheduleOf,
  unemploymentStandardOf,
  type Explanation,
  type PolicyBook,
  type UnemploymentEntitlement,
} from '@shebao/domain';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { printJson, printLines } from '../output.ts';
import {
  parseDateArgument,
  parseDecimalArgument,
  parseIntegerArgument,
  parseKnownRegionArgument,
} from '../parse-arguments.ts';

interface Options {
  region: string;
  start: string;
  years: string;
  carriedMonths: string;
  voluntary?: boolean;
  notRegistered?: boolean;
  json?: boolean;
}

interface UnemploymentResult {
  entitlement: UnemploymentEntitlement;
  monthlyFen: number;
  amount: Explanation;
}

export function registerCalcUnemployment(calc: Command): void {
  calc
    .command('unemployment')
    .description(
      'Unemployment benefit (SIL Arts. 45-47): entitlement, months and the first month’s amount in a region',
    )
    .requiredOption('--region <code>', 'GB/T 2260 code of the region that pays')
    .requiredOption('--start <YYYY-MM-DD>', 'first day of the claim (the registration date)')
    .requiredOption('--years <years>', 'cumulative contribution years, e.g. 7.5')
    .option('--carried-months <n>', 'months an earlier claim left unpaid', '0')
    .option('--voluntary', 'the employment ended by the person’s own will (not entitled)')
    .option('--not-registered', 'not registered as unemployed (not entitled)')
    .option('--json', 'one JSON object on stdout, amounts in fen')
    .action(async (options: Options) => {
      const regionCode = parseKnownRegionArgument('--region', options.region);
      const startDate = parseDateArgument('--start', options.start);
      parseDecimalArgument('--years', options.years, 2);
      const carriedMonths = parseIntegerArgument('--carried-months', options.carriedMonths, 0, 24);
      const result = await withApp(async (app) => {
        const book = await app.policy.loadBook();
        const period = dateToPeriod(startDate);
        const entitlement = unemploymentEntitlement({
          contributionYears: options.years.trim(),
          involuntary: options.voluntary !== true,
          registered: options.notRegistered !== true,
          carriedMonths,
          startDate,
          regionalSchedule: unemploymentScheduleOf(book, { regionCode, startDate }),
          duration: unemploymentDurationOf(book, { regionCode, period }),
        });
        return { entitlement, ...firstMonth(book, regionCode, period, entitlement) };
      });
      if (options.json)
        printJson({
          eligible: result.entitlement.eligible,
          months: result.entitlement.months,
          monthlyFen: result.monthlyFen,
          explanation: { entitlement: result.entitlement.explanation, amount: result.amount },
        });
      else printUnemployment(result);
    });
}

/** The first month's amount by the region's standard in force at the start; 0 without one or entitlement. */
function firstMonth(
  book: PolicyBook,
  regionCode: string,
  period: string,
  entitlement: UnemploymentEntitlement,
): { monthlyFen: number; amount: Explanation } {
  const standard = unemploymentStandardOf(book, { regionCode, period });
  if (!standard)
    return {
      monthlyFen: 0,
      amount: {
        rule: 'The region has no unemployment benefit standard in the policy book for the start month.',
        formula: '0.00',
        inputs: { region: regionCode, period },
        sources: ['SIL Art. 47'],
      },
    };
  const minimumWage =
    standard.rule.kind === 'share-of-minimum-wage'
      ? book.require<number>('minimumWage', { regionCode, period })
      : undefined;
  const amount = unemploymentMonthlyAmount({
    monthNo: 1,
    standard,
    minimumWageFen: minimumWage?.value,
    minimumWageSource: minimumWage?.parameter.source,
  });
  if (!entitlement.eligible)
    return {
      monthlyFen: 0,
      amount: {
        ...amount.explanation,
        formula: `not entitled: 0.00 (the standard: ${amount.explanation.formula})`,
      },
    };
  return { monthlyFen: amount.amountFen, amount: amount.explanation };
}

function printUnemployment(result: UnemploymentResult): void {
  const { entitlement } = result;
  printLines([
    entitlement.eligible
      ? `Entitled: ${entitlement.months} months`
      : `Not entitled: ${entitlement.reasons.map((reason) => reason.text).join('; ')}`,
    `How: ${entitlement.explanation.formula}`,
    `First month: ${formatFenAsYuan(result.monthlyFen)} yuan   ${result.amount.formula}`,
    `Sources: ${[...new Set([...entitlement.explanation.sources, ...result.amount.sources])].join('; ')}`,
  ]);
}
