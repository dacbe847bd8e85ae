import {
  allocatePayment,
  FUNDS,
  postAllocation,
  postPersonalAccountCredit,
  zeroFundAmounts,
  type BusinessDate,
  type FundAmounts,
  type Posting,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { groupBy } from '../../shared/group-by.ts';
import { refreshPaidAmounts, selectCreditBillHolders, selectRegionsOfPayers } from '../collection/index.ts';
import { insertPostings } from '../ledger/index.ts';
import { countBillReopenings, insertAllocationRows, insertOffsetRows } from './allocations.repository.ts';
import { accountCreditEventKey, applyCreditEventKey } from './event-keys.ts';
import { selectOpenBills, type OpenBillRow } from './open-bills.ts';
import { creditPersonalAccounts } from './personal-account-credits.ts';
import {
  selectHeldPayments,
  selectPayersWithUnappliedMoney,
  setUnappliedMoney,
} from './payments.repository.ts';

export interface HeldCreditsResult {
  /** Credit bills set against bills owed, as (credit bill, bill) pairs. */
  offsets: number;
  /** Allocations made from payments' unapplied money. */
  allocations: number;
  /** Bills that became settled in full (their personal-account parts are credited). */
  settledBills: number;
}

/**
 * Uses what a payer holds with the agency before asking for new money: first its credit bills (a negative
 * adjustment, an estimate larger than the declared month), set against its oldest open bills fund by fund,
 * since funds are kept apart (SIL Art. 64) and a pension credit cannot pay a medical debt; then the
 * unapplied money of its earlier payments, allocated like a payment. Bills settled in full credit their
 * personal-account parts, as when paid. Joins the caller's transaction; running it again finds nothing
 * left to do.
 *
 * Without payer keys it looks for every payer of the region holding a credit and owing something.
 */
export async function applyHeldCredits(
  trx: Kysely<Database>,
  scope: { payerKeys?: readonly string[]; regionCode?: string },
  businessDate: BusinessDate,
  recordedAt: string,
): Promise<HeldCreditsResult> {
  const result: HeldCreditsResult = { offsets: 0, allocations: 0, settledBills: 0 };
  const payerKeys = await selectPayersHoldingCredit(trx, scope);
  if (payerKeys.length === 0) return result;

  const bills = await selectOpenBills(trx, payerKeys, { credits: true });
  const heldPayments = await selectHeldPayments(trx, payerKeys);
  const reopened =
    heldPayments.size === 0
      ? new Map<number, number>()
      : await countBillReopenings(
          trx,
          bills.map((bill) => bill.id),
        );
  const offsetRows: (number | string)[][] = [];
  const allocationRows: (number | string)[][] = [];
  const postings: Posting[] = [];
  const touched = new Set<OpenBillRow>();
  const unappliedLeft = new Map<number, number>();

  for (const [payerKey, payerBills] of groupBy(bills, (bill) => bill.payerKey)) {
    // Credit against debt, oldest first on both sides, one fund at a time; one offset per pair of bills.
    const pairs = new Map<string, { credit: OpenBillRow; debt: OpenBillRow; funds: FundAmounts }>();
    for (const fund of FUNDS) {
      const credits = payerBills.filter((bill) => bill.funds[fund] < 0);
      const debts = payerBills.filter((bill) => bill.funds[fund] > 0);
      for (const credit of credits) {
        for (const debt of debts) {
          const amount = Math.min(-credit.funds[fund], debt.funds[fund]);
          if (amount <= 0) continue;
          credit.funds[fund] += amount;
          debt.funds[fund] -= amount;
          const key = `${credit.id}|${debt.id}`;
          const pair = pairs.get(key) ?? { credit, debt, funds: zeroFundAmounts() };
          pair.funds[fund] += amount;
          pairs.set(key, pair);
          if (credit.funds[fund] === 0) break;
        }
      }
    }
    for (const { credit, debt, funds } of pairs.values()) {
      offsetRows.push([credit.id, debt.id, sumFunds(funds), ...FUNDS.map((f) => funds[f]), recordedAt]);
      touched.add(credit).add(debt);
    }

    // Then the money of earlier payments that found nothing to pay at the time.
    const owed = payerBills.filter((bill) => FUNDS.some((fund) => bill.funds[fund] > 0));
    for (const payment of heldPayments.get(payerKey) ?? []) {
      if (owed.length === 0) break;
      const { allocations, leftFen } = allocatePayment(
        payment.unappliedFen,
        owed.map((bill) => ({
          id: bill.id,
          owedByFund: Object.fromEntries(
            FUNDS.map((fund) => [fund, Math.max(0, bill.funds[fund])]),
          ) as FundAmounts,
        })),
      );
      for (const allocation of allocations) {
        const bill = owed.find((candidate) => candidate.id === allocation.billId)!;
        for (const fund of FUNDS) bill.funds[fund] -= allocation.funds[fund];
        allocationRows.push([
          payment.id,
          bill.id,
          allocation.amountFen,
          ...FUNDS.map((fund) => allocation.funds[fund]),
          recordedAt,
        ]);
        postings.push(
          ...postAllocation(
            {
              eventKey: applyCreditEventKey(payment.paymentNo, bill.billNo, reopened.get(bill.id) ?? 0),
              businessDate,
              regionCode: bill.regionCode,
            },
            allocation.funds,
          ),
        );
        touched.add(bill);
      }
      unappliedLeft.set(payment.id, leftFen);
      owed.splice(0, owed.length, ...owed.filter((bill) => FUNDS.some((fund) => bill.funds[fund] > 0)));
    }
  }

  if (offsetRows.length === 0 && allocationRows.length === 0) return result;
  await insertOffsetRows(trx, offsetRows);
  await insertAllocationRows(trx, allocationRows);
  for (const [paymentId, leftFen] of unappliedLeft) await setUnappliedMoney(trx, paymentId, leftFen);
  await refreshPaidAmounts(
    trx,
    [...touched].map((bill) => bill.id),
  );

  const settled = [...touched].filter(
    (bill) => bill.kind !== 'late_fee' && FUNDS.every((fund) => bill.funds[fund] === 0),
  );
  const billById = new Map(settled.map((bill) => [bill.id, bill]));
  for (const credit of await creditPersonalAccounts(trx, [...billById.keys()])) {
    const bill = billById.get(credit.billId)!;
    postings.push(
      ...postPersonalAccountCredit(
        {
          eventKey: accountCreditEventKey(bill.billNo, credit.takenBackTimes),
          businessDate,
          regionCode: bill.regionCode,
        },
        { pension: credit.pensionFen, medical: credit.medicalFen },
      ),
    );
  }
  await insertPostings(trx, postings, recordedAt);
  result.offsets = offsetRows.length;
  result.allocations = allocationRows.length;
  result.settledBills = settled.length;
  return result;
}

/**
 * Payers holding something: a credit bill not yet used up or a payment with money left over. Both are
 * rare and found through partial indexes (migration 0004), so asking costs nothing when nobody holds any;
 * limited to the region, or to the given payers.
 */
async function selectPayersHoldingCredit(
  db: Kysely<Database>,
  scope: { payerKeys?: readonly string[]; regionCode?: string },
): Promise<string[]> {
  // Credit bills not used up (collection's) and money left over (payments'): the region of a payer with
  // money left over is that of its bills, asked only when the region is what matters.
  const holders = await selectCreditBillHolders(db);
  const unapplied = await selectPayersWithUnappliedMoney(db);
  const regions = scope.payerKeys ? new Map<string, string>() : await selectRegionsOfPayers(db, unapplied);
  const rows = {
    rows: [
      ...holders.map((holder) => ({ payer_key: holder.payerKey, region_code: holder.regionCode })),
      ...unapplied.map((payerKey) => ({ payer_key: payerKey, region_code: regions.get(payerKey) ?? null })),
    ],
  };
  const wanted = scope.payerKeys ? new Set(scope.payerKeys) : undefined;
  const keys = rows.rows
    .filter((row) => (wanted ? wanted.has(row.payer_key) : row.region_code === scope.regionCode))
    .map((row) => row.payer_key);
  return [...new Set(keys)].sort();
}

function sumFunds(funds: FundAmounts): number {
  return FUNDS.reduce((sum, fund) => sum + funds[fund], 0);
}
