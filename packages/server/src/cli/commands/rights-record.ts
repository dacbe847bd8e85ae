import { describeMonthStanding, formatFenAsYuan } from '@shebao/domain';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { findPersonId, rightsRecord, rightsRecordToCsv } from '../../modules/rights-record/index.ts';
import { printJson, printLines, printTable } from '../output.ts';
import { parseChoiceArgument, parseIntegerArgument, parsePeriodArgument } from '../parse-arguments.ts';

const FORMATS = ['table', 'json', 'csv'] as const;

export function registerRightsRecordCommand(program: Command): void {
  program
    .command('rights-record')
    .description("A person's rights record: every month per payer, contribution months, accounts, gaps")
    .requiredOption('--id <identity number>', "the person's resident identity number")
    .option('--year <YYYY>', 'one calendar year')
    .option('--from <YYYY-MM>', 'first month (without --year)')
    .option('--to <YYYY-MM>', 'last month (without --year)')
    .option('--format <format>', `${FORMATS.join(', ')}`, 'table')
    .option('--json', 'same as --format json')
    .action(
      async (options: {
        id: string;
        year?: string;
        from?: string;
        to?: string;
        format: string;
        json?: boolean;
      }) => {
        const format = options.json ? 'json' : parseChoiceArgument('--format', options.format, FORMATS);
        const year =
          options.year === undefined ? undefined : parseIntegerArgument('--year', options.year, 1990, 2200);
        const from = options.from === undefined ? undefined : parsePeriodArgument('--from', options.from);
        const to = options.to === undefined ? undefined : parsePeriodArgument('--to', options.to);
        const record = await withApp(async (app) => {
          const deps = { db: app.database.db, clock: app.clock };
          const personId = await findPersonId(deps, options.id);
          return rightsRecord(deps, { personId, year, from, to });
        });
        if (format === 'json') return printJson(record);
        if (format === 'csv') return void process.stdout.write(rightsRecordToCsv(record));
        printLines([
          `${record.person.name} ${record.person.idNumberMasked}   ${record.from} .. ${record.to}`,
        ]);
        printTable(
          ['Month', 'Payer', 'Pension base', 'Employer', 'Employee', 'Total', 'Status'],
          record.months.map((month) => [
            `${month.period}${month.overlap ? ' *' : ''}`,
            month.employerName ?? 'flexible (self)',
            formatFenAsYuan(month.insurances.pension!.baseFen),
            formatFenAsYuan(month.employerFen),
            formatFenAsYuan(month.employeeFen),
            formatFenAsYuan(month.totalFen),
            describeMonthStanding(month, record.asOf, 'en'),
          ]),
          { alignRight: [2, 3, 4, 5] },
        );
        printLines([
          `Contribution months (in range / cumulative / paid): ${record.contributionMonths
            .map((m) => `${m.insurance} ${m.inRange}/${m.cumulative}/${m.cumulativePaid}`)
            .join(', ')}`,
          ...record.accounts.pension.map(
            (y) =>
              `Pension account ${y.year}: opening ${formatFenAsYuan(y.openingFen)} + contributions ${formatFenAsYuan(y.contributionsFen)} + interest ${formatFenAsYuan(y.interestFen)} = ${formatFenAsYuan(y.closingFen)} yuan`,
          ),
          ...record.accounts.medical.map(
            (y) => `Medical account ${y.year}: closing ${formatFenAsYuan(y.closingFen)} yuan`,
          ),
          record.totals.owedMonths
            ? `Unpaid months: ${record.totals.owedMonths} (due by today ${record.totals.dueMonths}, overdue ${record.totals.overdueMonths}), as of ${record.asOf}`
            : `Nothing unpaid as of ${record.asOf}.`,
          record.gaps.length ? `Gaps: ${record.gaps.join(', ')}` : 'No gaps.',
          record.overlaps.length
            ? `Overlapping months (*): ${record.overlaps.map((o) => o.period).join(', ')}`
            : 'No overlapping months.',
        ]);
      },
    );
}
