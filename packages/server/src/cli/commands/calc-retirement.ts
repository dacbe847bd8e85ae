import {
  calculateRetirement,
  NATIONAL_REGION,
  RETIREMENT_GROUPS,
  type RetirementResult,
} from '@shebao/domain';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { printJson, printLines } from '../output.ts';
import { parseChoiceArgument, parsePeriodArgument } from '../parse-arguments.ts';

export function registerCalcRetirement(calc: Command): void {
  calc
    .command('retirement')
    .description(
      'Statutory retirement age and month (NPC-2024), the flexible window and the minimum contribution years',
    )
    .requiredOption('--birth <YYYY-MM>', 'month of birth')
    .requiredOption('--group <group>', RETIREMENT_GROUPS.join(' | '))
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { birth: string; group: string; json?: boolean }) => {
      const birthMonth = parsePeriodArgument('--birth', options.birth);
      const group = parseChoiceArgument('--group', options.group, RETIREMENT_GROUPS);
      const result = await withApp(async (app) => {
        const book = await app.policy.loadBook();
        // The minimum years are policy data (NPC-2024 annex), looked up for the retirement year.
        const minContributionMonthsByYear = (year: number) =>
          book.require<number>('pension.minContributionMonths', {
            regionCode: NATIONAL_REGION,
            period: `${year}-12`,
          }).value;
        return calculateRetirement({ birthMonth, group, minContributionMonthsByYear });
      });
      if (options.json) printJson(toJson(result));
      else printRetirement(result);
    });
}

function toJson(result: RetirementResult) {
  const { explanation, ...figures } = result;
  return { ...figures, explanation };
}

function years(months: number): string {
  const rest = months % 12;
  return rest ? `${Math.floor(months / 12)} years ${rest} months` : `${months / 12} years`;
}

function printRetirement(result: RetirementResult): void {
  printLines([
    `Statutory retirement age: ${years(result.retirementAgeMonths)} (original ${years(result.originalAgeMonths)}, delayed ${result.delayMonths} months)`,
    `Retirement month:         ${result.retirementMonth}`,
    `Flexible window:          ${result.earliestMonth} (${years(result.earliestAgeMonths)}) to ${result.latestMonth} (${years(result.latestAgeMonths)})`,
    `Minimum contributions:    ${result.minContributionYears} years (${result.minContributionMonths} months)`,
    `How: ${result.explanation.formula}`,
    `Sources: ${result.explanation.sources.join('; ')}`,
  ]);
}
