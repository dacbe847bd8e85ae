import { formatFenAsYuan } from '@shebao/domain';
import type { Command } from 'commander';
import { withApp, type App } from '../../app/index.ts';
import type { Principal } from '../../modules/auth/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { coversRegion } from '../../http/access.ts';
import { readPaymentReversal, type ReversalVoucher } from '../../modules/payments/index.ts';
import { proposePaymentReversal, regionOfPayer } from '../../workflows/index.ts';
import { CliUsageError } from '../cli-error.ts';
import { printJson, printLines, printTable } from '../output.ts';
import { parseIntegerArgument } from '../parse-arguments.ts';
import { readPassword } from './users.ts';

/**
 * `shebao payments reverse` and `shebao payments approve-reversal`: a reversal takes two staff members, so
 * each command signs in as the staff user it names (password from SHEBAO_PASSWORD or standard input), like
 * the web app would, and the approval service refuses the proposer as approver.
 */
export function registerReversalCommands(payments: Command): void {
  payments
    .command('reverse <paymentNo>')
    .description(
      'Propose reversing a payment recorded in error (wrong payer, returned by the bank, recorded twice); ' +
        'it is applied when a second staff member approves it',
    )
    .requiredOption('--reason <text>', 'why the payment was recorded in error')
    .requiredOption('--as <user>', 'your staff user name (password from SHEBAO_PASSWORD or standard input)')
    .option('--idempotency-key <key>', 'repeat the command with the same key and nothing is proposed twice')
    .option('--json', 'the proposal as one JSON object')
    .action(
      async (
        paymentNo: string,
        options: { reason: string; as: string; idempotencyKey?: string; json?: boolean },
      ) => {
        const password = await readPassword();
        const { approval, replayed } = await withApp((app) =>
          asStaff(app, options.as, password, async (principal) => {
            const { payerKey } = await readPaymentReversal(app.database.db, {
              paymentNo,
              reason: options.reason,
            });
            refuseOutsideRegions(principal, await regionOfPayer(app.database.db, payerKey));
            return proposePaymentReversal(
              { db: app.database.db, approvals: app.approvals },
              { paymentNo, reason: options.reason },
              principal,
              options.idempotencyKey ? `cli by ${principal.userId}:${options.idempotencyKey}` : undefined,
            );
          }),
        );
        if (options.json) return printJson({ ...approval, replayed });
        printLines([
          `${replayed ? 'Already proposed with this key: ' : ''}approval ${approval.id} (${approval.status}): ${approval.summary}`,
          `A second staff member applies it with: shebao payments approve-reversal ${approval.id} --as <user>`,
        ]);
      },
    );

  payments
    .command('approve-reversal <approvalId>')
    .description("Approve another staff member's proposed payment reversal: it is applied at once")
    .requiredOption('--as <user>', 'your staff user name (password from SHEBAO_PASSWORD or standard input)')
    .option('--note <text>', 'a note recorded with the decision')
    .option('--json', 'the decided approval, with the reversal voucher, as one JSON object')
    .action(async (approvalText: string, options: { as: string; note?: string; json?: boolean }) => {
      const approvalId = parseIntegerArgument('<approvalId>', approvalText, 1, Number.MAX_SAFE_INTEGER);
      const password = await readPassword();
      const decided = await withApp((app) =>
        asStaff(app, options.as, password, async (principal) => {
          const pending = await app.approvals.get(approvalId);
          if (pending.kind !== 'payments.reverse')
            throw new CliUsageError(
              '<approvalId>',
              `approval ${approvalId} is a ${pending.kind}, not a reversal`,
            );
          refuseOutsideRegions(principal, pending.regionCode);
          return app.approvals.approve(approvalId, principal, options.note);
        }),
      );
      if (options.json) return printJson(decided);
      printVoucher(decided.result as ReversalVoucher);
    });
}

/** The same rule as the API's scope check: staff act only in the regions they are granted. */
function refuseOutsideRegions(principal: Principal, regionCode: string): void {
  if (!coversRegion(principal.regionCodes, regionCode))
    throw new AppError(ErrorCode.FORBIDDEN, `${principal.loginKey} may not act in region ${regionCode}`);
}

/** Signs in as a staff user for one command, and out again whatever happens. */
async function asStaff<T>(
  app: App,
  userName: string,
  password: string,
  work: (principal: Principal) => Promise<T>,
): Promise<T> {
  const session = await app.auth.loginStaff({ userName, password });
  try {
    const principal = await app.auth.authenticateSession(session.sessionId);
    if (!principal) throw new CliUsageError('--as', `${userName} could not be signed in`);
    return await work(principal);
  } finally {
    await app.auth.logout(session.sessionId);
  }
}

function printVoucher(voucher: ReversalVoucher): void {
  printLines([
    `Reversal ${voucher.reversalNo} of payment ${voucher.paymentNo} (${formatFenAsYuan(voucher.amountFen)} yuan paid ${voucher.paidOn}), ${voucher.reversedOn}`,
    `Reason: ${voucher.reason}. Proposed by ${voucher.proposedBy}, approved by ${voucher.approvedBy}.`,
  ]);
  if (voucher.allocationsReversed.length) {
    printTable(
      ['Bill', 'Month', 'Kind', 'Owed again'],
      voucher.allocationsReversed.map((row) => [
        row.billNo,
        row.period,
        row.kind,
        formatFenAsYuan(row.amountFen),
      ]),
      { alignRight: [3] },
    );
  }
  const lines: string[] = [];
  if (voucher.heldCreditRemovedFen > 0)
    lines.push(`Held credit removed: ${formatFenAsYuan(voucher.heldCreditRemovedFen)} yuan`);
  for (const fee of voucher.lateFeesCancelled)
    lines.push(
      `Late fee ${fee.billNo} (${formatFenAsYuan(fee.feeFen)} yuan) cancelled by ${fee.creditBillNo}`,
    );
  for (const credit of voucher.accountCreditsTakenBack)
    lines.push(
      `Personal accounts of ${credit.billNo} taken back: pension ${formatFenAsYuan(credit.pensionFen)}, medical ${formatFenAsYuan(credit.medicalFen)} yuan`,
    );
  printLines([...lines, ...voucher.rules]);
}
