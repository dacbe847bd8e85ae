import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatFenAsYuan } from '@shebao/domain';
import type { Command } from 'commander';
import { withApp, type App } from '../../app/index.ts';
import {
  IMPORTER_EVERYWHERE,
  listUnmatchedRows,
  STATEMENT_COLUMNS,
  type ImportSummary,
} from '../../modules/bank-statements/index.ts';
import { employeeMonthlyDetails, type EmployeeMonthlyDetails } from '../../modules/employer-notices/index.ts';
import { resolvePayer } from '../../modules/payers/index.ts';
import { CliUsageError, EXIT_INVALID } from '../cli-error.ts';
import { printJson, printLines, printTable } from '../output.ts';
import { parseDateArgument, parseIntegerArgument, parsePeriodArgument } from '../parse-arguments.ts';
import { printReceipt } from './pay.ts';
import { approveDeferral, importBankStatement, resolveUnmatchedRow } from '../../workflows/index.ts';
import { registerReversalCommands } from './payment-reversals.ts';

const paymentDeps = (app: App) => ({ db: app.database.db, clock: app.clock, policy: app.policy });

/**
 * `shebao payments import|unmatched|resolve|reverse|approve-reversal`, `shebao deferral approve` and `shebao employer details`:
 * bank-statement matching, late-fee deferrals (SIL Art. 60) and the employer's monthly notice to its staff.
 */
export function registerPaymentImportCommands(program: Command): void {
  registerStatementCommands(program);
  registerDeferralCommands(program);
  registerEmployerDetailsCommand(program);
}

function registerStatementCommands(program: Command): void {
  const payments = program
    .command('payments')
    .description('Bank statements: import, review, resolve; reversals of payments recorded in error');
  registerReversalCommands(payments);

  payments
    .command('import <file>')
    .description(
      `Import a bank statement CSV (columns ${STATEMENT_COLUMNS.join(', ')}; amounts in yuan). ` +
        'Matched rows are paid; exit 1 when any row is invalid or waits for review',
    )
    .option('--json', 'the summary as one JSON object')
    .action(async (file: string, options: { json?: boolean }) => {
      const content = readTextFile(file);
      const summary = await withApp((app) =>
        // The operator at the command line acts for the whole agency.
        importBankStatement(paymentDeps(app), { fileName: basename(file), content }, IMPORTER_EVERYWHERE),
      );
      const bad = summary.rows.filter((row) => row.status === 'invalid' || row.status === 'unmatched');
      if (options.json) printJson(summary);
      else printImportSummary(summary, bad);
      if (bad.length > 0) process.exitCode = EXIT_INVALID;
    });

  payments
    .command('unmatched')
    .description('Statement rows waiting for review: payer not found, or the transfer recorded before')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { json?: boolean }) => {
      const rows = await withApp((app) => listUnmatchedRows(paymentDeps(app)));
      if (options.json) return printJson({ rows });
      if (rows.length === 0) return printLines(['No statement row waits for review.']);
      printTable(
        ['Row', 'File', 'Line', 'Reference', 'Payer code', 'Payer name', 'Amount', 'Paid on', 'Reason'],
        rows.map((row) => [
          row.rowId,
          row.fileName,
          row.lineNo,
          row.bankReference,
          row.payerCode ?? '',
          row.payerName ?? '',
          formatFenAsYuan(row.amountFen),
          row.paidOn,
          row.reason,
        ]),
        { alignRight: [0, 2, 6] },
      );
    });

  payments
    .command('resolve')
    .description(
      "Name the payer of a row waiting for review: the transfer is recorded as that payer's payment",
    )
    .requiredOption('--row <id>', 'row id, from `shebao payments unmatched`')
    .requiredOption('--payer <code>', "employer's credit code or a flexible worker's identity number")
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { row: string; payer: string; json?: boolean }) => {
      const rowId = parseIntegerArgument('--row', options.row, 1, Number.MAX_SAFE_INTEGER);
      const resolved = await withApp((app) =>
        resolveUnmatchedRow(paymentDeps(app), { rowId, payerCode: options.payer }),
      );
      if (options.json) return printJson(resolved);
      if (resolved.receipt) {
        printLines([`Row ${rowId} resolved.`]);
        printReceipt(resolved.receipt);
      } else {
        printLines([
          `Row ${rowId} resolved: the transfer had been recorded before as payment ${resolved.paymentNo}.`,
        ]);
      }
    });
}

function registerDeferralCommands(program: Command): void {
  const deferral = program
    .command('deferral')
    .description('Late-fee deferrals for force majeure (SIL Art. 60)');
  deferral
    .command('approve')
    .description('Record an approved deferral: no late fee accrues on its days, both ends included')
    .requiredOption('--payer <code>', "employer's credit code or a flexible worker's identity number")
    .requiredOption('--from <YYYY-MM-DD>', 'first day deferred')
    .requiredOption('--to <YYYY-MM-DD>', 'last day deferred')
    .requiredOption('--reason <text>', 'the force majeure and the document that declares it')
    .requiredOption('--by <user>', 'who approved it')
    .option('--json', 'one JSON object on stdout')
    .action(
      async (options: {
        payer: string;
        from: string;
        to: string;
        reason: string;
        by: string;
        json?: boolean;
      }) => {
        const fromDate = parseDateArgument('--from', options.from);
        const toDate = parseDateArgument('--to', options.to);
        if (toDate < fromDate) throw new CliUsageError('--to', `${toDate} is before --from ${fromDate}`);
        const approved = await withApp((app) =>
          approveDeferral(
            { db: app.database.db, clock: app.clock },
            { payerCode: options.payer, fromDate, toDate, reason: options.reason, approvedBy: options.by },
          ),
        );
        if (options.json) return printJson(approved);
        printLines([
          approved.replayed
            ? `Deferral ${approved.id} had been approved before; nothing new recorded.`
            : `Deferral ${approved.id} approved for ${approved.payerKey} from ${approved.fromDate} to ${approved.toDate}: no late fee accrues on those days.`,
        ]);
      },
    );
}

function registerEmployerDetailsCommand(program: Command): void {
  const employer = program.command('employer').description("An employer's statements");
  employer
    .command('details')
    .description('What each employee paid and was paid for in a month, the notice SIL Art. 60 requires')
    .requiredOption('--employer <code>', "the employer's unified social credit code")
    .requiredOption('--period <YYYY-MM>', 'the month')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: { employer: string; period: string; json?: boolean }) => {
      const period = parsePeriodArgument('--period', options.period);
      const { payer, details } = await withApp(async (app) => {
        const payer = await resolvePayer(app.database.db, options.employer, '--employer');
        if (payer.kind !== 'employer')
          throw new CliUsageError('--employer', "give an employer's credit code");
        return {
          payer,
          details: await employeeMonthlyDetails({ db: app.database.db }, { employerId: payer.id, period }),
        };
      });
      if (options.json) return printJson({ employerName: payer.name, ...details });
      printEmployeeDetails(payer.name, details);
    });
}

function printImportSummary(summary: ImportSummary, bad: ImportSummary['rows']): void {
  printLines([
    summary.replayed
      ? `${summary.fileName} had been imported before as import ${summary.importId}; nothing new recorded.`
      : `Imported ${summary.fileName} as import ${summary.importId}.`,
    `${summary.rowsTotal} rows: ${summary.matched} paid, ${summary.unmatched} waiting for review, ${summary.invalid} invalid.`,
  ]);
  if (bad.length === 0) return;
  printTable(
    ['Line', 'Status', 'Reason'],
    bad.map((row) => [row.lineNo, row.status, row.reason ?? '']),
    { alignRight: [0] },
  );
}

function printEmployeeDetails(employerName: string, details: EmployeeMonthlyDetails): void {
  const pair = (employerFen: number, employeeFen: number) =>
    `${formatFenAsYuan(employerFen)} / ${formatFenAsYuan(employeeFen)}`;
  printLines([`${employerName}, ${details.period}: employer / employee share per insurance, in yuan`]);
  printTable(
    [
      'Name',
      'ID number',
      'Pension base',
      'Pension',
      'Medical',
      'Maternity',
      'Unemployment',
      'Work injury',
      'Own accounts',
      'Total',
      'Paid',
    ],
    details.employees.map((employee) => {
      const { pension, medical, maternity, unemployment, work_injury: injury } = employee.insurances;
      return [
        employee.name,
        employee.idNumberMasked,
        formatFenAsYuan(pension!.baseFen),
        pair(pension!.employerFen, pension!.employeeFen),
        pair(medical!.employerFen, medical!.employeeFen),
        formatFenAsYuan(maternity!.employerFen),
        pair(unemployment!.employerFen, unemployment!.employeeFen),
        formatFenAsYuan(injury!.employerFen),
        formatFenAsYuan(employee.personalAccounts.pensionFen + employee.personalAccounts.medicalFen),
        formatFenAsYuan(employee.totalFen),
        employee.paid ? 'yes' : 'no',
      ];
    }),
    { alignRight: [2, 3, 4, 5, 6, 7, 8, 9] },
  );
  printLines([
    `Employer ${formatFenAsYuan(details.totals.employerFen)}   Employee ${formatFenAsYuan(details.totals.employeeFen)}   Total ${formatFenAsYuan(details.totals.totalFen)} yuan`,
  ]);
}

function readTextFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(
      '<file>',
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
}
