import { regionCodePrefix } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { describePayers, payerKeysInRegion, type PayerDescription } from '../payers/index.ts';
import { selectPaymentsOfPayers } from './payments.repository.ts';

/** A payment in the agency's region-wide list, with who paid (identity numbers masked). */
export interface RegionPayment {
  id: number;
  paymentNo: string;
  payer: PayerDescription;
  amountFen: number;
  unappliedFen: number;
  paidOn: string;
  bankReference: string | null;
  channel: string;
  recordedAt: string;
}

/**
 * The payments of the region's payers, newest first, after a cursor id (`beforeId`): what a collection
 * officer checks a day's receipts against. Fetch `limit + 1` to learn whether a next page exists.
 */
export async function listRegionPayments(
  db: Kysely<Database>,
  filter: { regionCode: string; beforeId?: number; limit: number },
): Promise<RegionPayment[]> {
  const rows = await selectPaymentsOfPayers(
    db,
    payerKeysInRegion(db, regionCodePrefix(filter.regionCode)),
    filter,
  );
  const payers = await describePayers(
    db,
    rows.map((row) => row.payer_key ?? ''),
  );
  return rows.flatMap((row) => {
    const payer = payers.get(row.payer_key ?? '');
    if (!payer) return [];
    return [
      {
        id: Number(row.id),
        paymentNo: row.payment_no,
        payer,
        amountFen: Number(row.amount_fen),
        unappliedFen: Number(row.unapplied_fen),
        paidOn: row.paid_on,
        bankReference: row.bank_reference,
        channel: row.channel,
        recordedAt: row.recorded_at,
      },
    ];
  });
}
