import { formatFenAsYuan } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { Approval, ApprovalService } from '../approvals/index.ts';
import type { Principal } from '../auth/index.ts';
import { readPaymentReversal } from './reverse-payment.ts';

/**
 * Stores the proposal to reverse a payment (kind `payments.reverse`), in the payer's region so that staff
 * of that region decide it; once per idempotency key. The API and the command line both come here.
 */
export async function proposePaymentReversal(
  deps: { db: Kysely<Database>; approvals: ApprovalService },
  request: { paymentNo: string; reason: string },
  proposer: Principal,
  idempotencyKey: string | undefined,
): Promise<{ approval: Approval; replayed: boolean }> {
  const { payerKey, amountFen, input } = await readPaymentReversal(deps.db, request);
  return deps.approvals.proposeOnce(
    'payments.reverse',
    input,
    {
      regionCode: await regionOfPayer(deps.db, payerKey),
      summary: `reverse payment ${input.paymentNo} of ${formatFenAsYuan(amountFen)} yuan from ${payerKey}: ${input.reason}`,
    },
    proposer,
    idempotencyKey,
  );
}

/** The region a payer is registered in: proposals and their decisions belong to its staff. */
export async function regionOfPayer(db: Kysely<Database>, payerKey: string): Promise<string> {
  const id = Number(payerKey.slice(1));
  const row = payerKey.startsWith('E')
    ? await db.selectFrom('employers').select('region_code').where('id', '=', id).executeTakeFirst()
    : await db.selectFrom('persons').select('region_code').where('id', '=', id).executeTakeFirst();
  return row?.region_code ?? '000000';
}
