import { chinaDateOf, formatFenAsYuan } from '@shebao/domain';
import type { Command } from 'commander';
import { withApp } from '../../app/index.ts';
import { resolvePayer } from '../../modules/payers/index.ts';
import { recordPayment, type Receipt } from '../../modules/payments/index.ts';
import { CliUsageError } from '../cli-error.ts';
import { printJson, printLines, printTable } from '../output.ts';
import { parseDateArgument, parseYuanArgument } from '../parse-arguments.ts';
import { EARLIEST_PAYMENT_DATE, refuseFutureDate } from '../../shared/business-date.ts';

export function registerPayCommand(program: Command): void {
  program
    .command('pay')
    .description(
      'Record a payment: applied to the oldest open bills first, late fees billed, the rest kept as credit',
    )
    .requiredOption('--payer <code>', "employer's credit code or a flexible worker's identity number")
    .requiredOption('--amount <yuan>', 'amount received')
    .requiredOption('--paid-on <YYYY-MM-DD>', 'date the money arrived')
    .option('--bank-ref <reference>', "the bank's reference (recorded once only)")
    .option('--idempotency-key <key>', 'repeat the command with the same key and nothing is recorded twice')
    .option('--json', 'the receipt as one JSON object')
    .action(
      async (options: {
        payer: string;
        amount: string;
        paidOn: string;
        bankRef?: string;
        idempotencyKey?: string;
        json?: boolean;
      }) => {
        const amountFen = parseYuanArgument('--amount', options.amount);
        if (amountFen <= 0) throw new CliUsageError('--amount', 'must be more than zero');
        const paidOn = parseDateArgument('--paid-on', options.paidOn, EARLIEST_PAYMENT_DATE);
        const { receipt, replayed } = await withApp(async (app) => {
          // Money cannot have arrived after today (docs/RULES.md 10.3): said before anything is looked up.
          refuseFutureDate(paidOn, chinaDateOf(app.clock.now()), '--paid-on', {
            earliest: EARLIEST_PAYMENT_DATE,
          });
          const payer = await resolvePayer(app.database.db, options.payer, '--payer');
          return recordPayment(
            { db: app.database.db, clock: app.clock, policy: app.policy },
            {
              payerKey: payer.payerKey,
              amountFen,
              paidOn,
              bankReference: options.bankRef ?? null,
              channel: 'cli',
            },
            options.idempotencyKey,
          );
        });
        if (options.json) return printJson({ ...receipt, replayed });
        printReceipt(receipt, replayed);
      },
    );
}

export function printReceipt(receipt: Receipt, replayed = false): void {
  printLines([
    `Receipt ${receipt.paymentNo}${replayed ? ' (already recorded with this key; nothing new)' : ''}`,
    `Received ${formatFenAsYuan(receipt.amountFen)} yuan on ${receipt.paidOn}${receipt.bankReference ? `, bank reference ${receipt.bankReference}` : ''}`,
  ]);
  if (receipt.allocations.length) {
    printTable(
      ['Bill', 'Month', 'Kind', 'Paid'],
      receipt.allocations.map((allocation) => [
        allocation.billNo,
        allocation.period,
        allocation.kind,
        formatFenAsYuan(allocation.amountFen),
      ]),
      { alignRight: [3] },
    );
  }
  for (const fee of receipt.lateFees) {
    printLines([
      `Late fee ${formatFenAsYuan(fee.feeFen)} on ${formatFenAsYuan(fee.principalFen)} of ${fee.sourceBillNo}, ${fee.days} days late (SIL Art. 86)`,
    ]);
  }
  printLines([`Credit kept for future bills: ${formatFenAsYuan(receipt.creditFen)} yuan`]);
}
