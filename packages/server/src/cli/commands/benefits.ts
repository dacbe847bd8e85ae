import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { printJson, printLines } from '../output.ts';
import { parseIntegerArgument, parsePeriodArgument, parseRegionArgument } from '../parse-arguments.ts';

/** The benefit side's runs from the command line (docs/RULES.md 14.11, 14.13). */
export function registerBenefitCommands(program: Command): void {
  const benefits = program.command('benefits').description('Benefits: yearly adjustments and invitations');
  benefits
    .command('adjust')
    .description(
      'Apply an approved yearly adjustment to every pension in payment in its region (a repeat changes nothing)',
    )
    .requiredOption('--region <code>', 'GB/T 2260 region code the policy was approved for')
    .requiredOption(
      '--policy <id>',
      'the approved policy version (GET /api/regions/{code}/pension-adjustments)',
    )
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { region: string; policy: string; json?: boolean }) => {
      const regionCode = parseRegionArgument('--region', options.region);
      const policyId = parseIntegerArgument('--policy', options.policy, 1, Number.MAX_SAFE_INTEGER);
      const result = await withApp((app) => app.workflows.applyPensionAdjustment(app, regionCode, policyId));
      if (options.json) return printJson(result);
      printLines([
        `Adjusted ${result.adjusted} pensions in region ${regionCode} (policy ${policyId}); ${result.alreadyAdjusted} were adjusted before, ${result.notEligible} started after the cut-off.`,
        ...(result.lateMonths > 0
          ? [`Published ${result.lateMonths} months after it took effect: those months are owed back.`]
          : []),
        ...result.heldForReview.map((held) => `Held for review: ${held.awardNo} (${held.reason})`),
      ]);
    });
  benefits
    .command('invite')
    .description(
      'Invite the persons of a region retiring in the three months after --period to claim, or tell them the shortfall',
    )
    .requiredOption('--region <code>', 'GB/T 2260 region code')
    .requiredOption('--period <YYYY-MM>', 'the month of the run')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { region: string; period: string; json?: boolean }) => {
      const regionCode = parseRegionArgument('--region', options.region);
      const period = parsePeriodArgument('--period', options.period);
      const result = await withApp((app) =>
        app.workflows.runRetirementInvitations(app, { regionCode, period }, 'cli'),
      );
      if (options.json) return printJson(result);
      printLines([
        `${result.considered} persons reach their retirement month in the three months after ${period}; ${result.claiming} claim already.`,
        `Invited ${result.invited}, told ${result.toldShortfall} their shortfall; ${result.alreadySent} were sent before.`,
      ]);
    });
}
