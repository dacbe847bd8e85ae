import { randomBytes } from 'node:crypto';
import {
  allocatePayment,
  calculateLateFee,
  chinaDateOf,
  dateToPeriod,
  FUNDS,
  postAllocation,
  postLateFee,
  postPersonalAccountCredit,
  postReceipt,
  zeroFundAmounts,
  type BusinessDate,
  type FundAmounts,
  type LateFee,
  type PolicyBook,
  type Posting,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertBill, refreshPaidAmounts } from '../collection/index.ts';
import { selectDeferralsOfPayers } from '../deferrals/index.ts';
import { withIdempotency } from '../idempotency/index.ts';
import { groupBy } from '../../shared/group-by.ts';
import { EARLIEST_PAYMENT_DATE, refuseFutureDate } from '../../shared/business-date.ts';
import { insertPostings } from '../ledger/index.ts';
import { enqueueCreditedNotices, enqueueNotices } from '../notifications/index.ts';
import type { PolicyService } from '../policy/index.ts';
import { applyHeldCredits } from './apply-held-credits.ts';
import { insertAllocationRows } from './allocations.repository.ts';
import { accountCreditEventKey } from './event-keys.ts';
import { insertLateFeeLines as insertLateFeeLineRows } from './late-fees.repository.ts';
import { selectOpenBills, type OpenBillRow } from './open-bills.ts';
import { creditPersonalAccounts } from './personal-account-credits.ts';
import { insertPaymentRows, selectFirstKnownReference } from './payments.repository.ts';

export interface PaymentDeps {
  db: Kysely<Database>;
  clock: Clock;
  policy: PolicyService;
}

export interface PaymentInput {
  /** 'E<employer id>' or 'P<person id>'. */
  payerKey: string;
  amountFen: number;
  paidOn: BusinessDate;
  /** The bank's reference: a unique business reference, so the same transfer is never recorded twice. */
  bankReference?: string | null;
  channel: 'api' | 'cli' | 'bank' | 'demo';
}

export interface ReceiptAllocation {
  billNo: string;
  period: string;
  kind: string;
  amountFen: number;
}

export interface ReceiptLateFee {
  billNo: string;
  sourceBillNo: string;
  principalFen: number;
  days: number;
  feeFen: number;
}

/** The payment voucher: what was received, what it paid, the late fees it incurred, the credit left. */
export interface Receipt {
  paymentNo: string;
  payerKey: string;
  amountFen: number;
  paidOn: BusinessDate;
  bankReference: string | null;
  allocations: ReceiptAllocation[];
  lateFees: ReceiptLateFee[];
  creditFen: number;
  /** Only on a reversed payment's receipt: it was recorded in error and pays nothing any more. */
  reversal?: { reversalNo: string; reversedOn: BusinessDate; reason: string };
}

interface CreatedLateFeeBill {
  paymentIndex: number;
  bill: OpenBillRow;
  drafts: LateFeeDraft[];
}

interface LateFeeDraft {
  sourceBill: OpenBillRow;
  principalFen: number;
  days: number;
  fromDate: string;
  toDate: string;
  feeFen: number;
  dailyRatePpm: number;
  funds: FundAmounts;
}

/**
 * Records payments and applies each to its payer's open bills, oldest first, in one transaction: late fees
 * on what is paid after the due date are billed and paid from the same money when it suffices, bills paid
 * in full credit their personal-account parts, and what is left stays as the payer's credit. Set-based:
 * one read of the open bills for the whole batch, multi-row writes.
 */
export async function recordPayments(deps: PaymentDeps, inputs: readonly PaymentInput[]): Promise<Receipt[]> {
  const today = chinaDateOf(deps.clock.now());
  for (const [index, input] of inputs.entries())
    checkPaymentInput(input, inputs.length > 1 ? `payments.${index}.` : '', today);
  const book = await deps.policy.loadBook();
  return inTransaction(deps.db, (trx) => applyPayments(trx, book, deps.clock.now().toISOString(), inputs));
}

/**
 * One payment from the API or the command line. With an idempotency key, a repeated request returns the
 * first receipt and records nothing; the same key with a different request is refused.
 */
export async function recordPayment(
  deps: PaymentDeps,
  input: PaymentInput,
  idempotencyKey?: string,
): Promise<{ receipt: Receipt; replayed: boolean }> {
  checkPaymentInput(input, '', chinaDateOf(deps.clock.now()));
  const book = await deps.policy.loadBook();
  const recordedAt = deps.clock.now().toISOString();
  return inTransaction(deps.db, async (trx) => {
    const { result, replayed } = await withIdempotency(
      trx,
      'payment',
      idempotencyKey,
      input,
      async () => (await applyPayments(trx, book, recordedAt, [input]))[0]!,
      recordedAt,
    );
    return { receipt: result, replayed };
  });
}

export async function applyPayments(
  trx: Kysely<Database>,
  book: PolicyBook,
  recordedAt: string,
  inputs: readonly PaymentInput[],
): Promise<Receipt[]> {
  await refuseKnownBankReferences(trx, inputs);
  // What the payers already hold (credit bills, money left over) pays first; new money goes to the rest.
  await applyHeldCredits(
    trx,
    { payerKeys: inputs.map((input) => input.payerKey) },
    chinaDateOf(new Date(recordedAt)),
    recordedAt,
  );
  const openBills = await selectOpenBills(
    trx,
    inputs.map((input) => input.payerKey),
  );
  const billsByPayer = groupBy(openBills, (bill) => bill.payerKey);
  const deferralsByPayer = groupBy(
    await selectDeferralsOfPayers(
      trx,
      inputs.map((input) => input.payerKey),
    ),
    (row) => row.payer_key,
  );

  const receipts: Receipt[] = [];
  const allocationRows: {
    paymentIndex: number;
    bill: OpenBillRow;
    amountFen: number;
    funds: FundAmounts;
  }[] = [];
  const lateFeeDrafts: { paymentIndex: number; drafts: LateFeeDraft[] }[] = [];
  const postings: Posting[] = [];

  // The payments of one batch are numbered consecutively from a random 40-bit start: their numbers (and
  // the journal's event keys made from them) then sit side by side in the unique indexes, rather than
  // each on a page of its own, and a batch makes one random draw instead of one per payment.
  const firstSerial = randomBytes(5).readUIntBE(0, 5);
  inputs.forEach((input, paymentIndex) => {
    const serial = (firstSerial + paymentIndex) % 2 ** 40;
    const paymentNo = `PAY${input.paidOn.replace(/-/g, '')}${serial.toString(16).toUpperCase().padStart(10, '0')}`;
    const receipt: Receipt = {
      paymentNo,
      payerKey: input.payerKey,
      amountFen: input.amountFen,
      paidOn: input.paidOn,
      bankReference: input.bankReference ?? null,
      allocations: [],
      lateFees: [],
      creditFen: 0,
    };
    receipts.push(receipt);
    postings.push(
      ...postReceipt(
        {
          eventKey: `receipt:${paymentNo}`,
          businessDate: input.paidOn,
          regionCode: regionOf(billsByPayer.get(input.payerKey)),
        },
        input.amountFen,
      ),
    );

    const bills = billsByPayer.get(input.payerKey) ?? [];
    const owed = bills.map((bill) => ({ id: bill.id, owedByFund: bill.funds }));
    const { allocations, leftFen } = allocatePayment(input.amountFen, owed);
    const drafts: LateFeeDraft[] = [];
    for (const allocation of allocations) {
      const bill = bills.find((candidate) => candidate.id === allocation.billId)!;
      subtractFunds(bill, allocation.funds);
      allocationRows.push({ paymentIndex, bill, amountFen: allocation.amountFen, funds: allocation.funds });
      receipt.allocations.push({
        billNo: bill.billNo,
        period: bill.period,
        kind: bill.kind,
        amountFen: allocation.amountFen,
      });
      if (bill.kind === 'late_fee' || input.paidOn <= bill.dueDate) continue;
      const { dailyRatePpm, funds, feeFen, fee } = lateFeeByFund(
        book,
        bill,
        allocation.funds,
        input.paidOn,
        deferralsByPayer.get(input.payerKey) ?? [],
      );
      if (fee && feeFen > 0) {
        drafts.push({
          sourceBill: bill,
          principalFen: allocation.amountFen,
          days: fee.days,
          fromDate: fee.fromDate,
          toDate: fee.toDate,
          feeFen,
          dailyRatePpm,
          funds,
        });
      }
    }
    receipt.creditFen = leftFen;
    if (drafts.length) lateFeeDrafts.push({ paymentIndex, drafts });
  });

  // Late-fee bills first, so that money left over can pay them in the same payment.
  const lateFeeBills = await insertLateFeeBills(trx, receipts, lateFeeDrafts, recordedAt, postings);
  for (const { paymentIndex, bill } of lateFeeBills) {
    const receipt = receipts[paymentIndex]!;
    if (receipt.creditFen <= 0) continue;
    const { allocations, leftFen } = allocatePayment(receipt.creditFen, [
      { id: bill.id, owedByFund: bill.funds },
    ]);
    for (const allocation of allocations) {
      allocationRows.push({ paymentIndex, bill, amountFen: allocation.amountFen, funds: allocation.funds });
      receipt.allocations.push({
        billNo: bill.billNo,
        period: bill.period,
        kind: bill.kind,
        amountFen: allocation.amountFen,
      });
    }
    receipt.creditFen = leftFen;
  }

  const paymentIds = await insertPayments(trx, inputs, receipts, recordedAt);
  await insertAllocations(trx, allocationRows, paymentIds, recordedAt);
  await insertLateFeeLines(trx, lateFeeBills, paymentIds);
  for (const row of allocationRows) {
    const receipt = receipts[row.paymentIndex]!;
    postings.push(
      ...postAllocation(
        {
          eventKey: `allocate:${receipt.paymentNo}:${row.bill.billNo}`,
          businessDate: receipt.paidOn,
          regionCode: row.bill.regionCode,
        },
        row.funds,
      ),
    );
  }
  const touched = [...new Set(allocationRows.map((row) => row.bill))];
  await refreshPaidAmounts(
    trx,
    touched.map((bill) => bill.id),
  );

  // Personal accounts are credited when a contribution bill is paid in full (GF-2005-38: 8% when paid).
  const paidInFull = touched.filter(
    (bill) => bill.kind !== 'late_fee' && FUNDS.every((fund) => bill.funds[fund] === 0),
  );
  const credits = await creditPersonalAccounts(
    trx,
    paidInFull.map((bill) => bill.id),
  );
  const billById = new Map(paidInFull.map((bill) => [bill.id, bill]));
  for (const credit of credits) {
    const bill = billById.get(credit.billId)!;
    postings.push(
      ...postPersonalAccountCredit(
        {
          eventKey: accountCreditEventKey(bill.billNo, credit.takenBackTimes),
          businessDate: receipts[0]!.paidOn,
          regionCode: bill.regionCode,
        },
        { pension: credit.pensionFen, medical: credit.medicalFen },
      ),
    );
  }
  await insertPostings(trx, postings, recordedAt);
  // Each person on a bill paid in full is told the month is credited, and a flexible worker gets the
  // payment's voucher, in this transaction (docs/RULES.md 17.6).
  await enqueueCreditedNotices(
    trx,
    paidInFull.map((bill) => bill.id),
    recordedAt,
  );
  await enqueueNotices(trx, new Date(recordedAt), voucherNotices(receipts, billsByPayer));
  return receipts;
}

/** The voucher of each payment a person made for themselves (a flexible worker: payer key `P<id>`). */
function voucherNotices(receipts: readonly Receipt[], billsByPayer: Map<string, OpenBillRow[]>) {
  return receipts.flatMap((receipt) => {
    const personId = /^P(\d+)$/.exec(receipt.payerKey)?.[1];
    if (personId === undefined) return [];
    const periods = [...new Set(receipt.allocations.map((allocation) => allocation.period))].sort();
    return [
      {
        recipient: { kind: 'person' as const, id: Number(personId) },
        kind: 'payment.voucher' as const,
        eventKey: `voucher:${receipt.paymentNo}`,
        regionCode: regionOf(billsByPayer.get(receipt.payerKey)),
        params: {
          paymentNo: receipt.paymentNo,
          amountFen: receipt.amountFen,
          paidOn: receipt.paidOn,
          periods: periods.join(', '),
        },
        link: `/person/receipts/${receipt.paymentNo}`,
      },
    ];
  });
}

/**
 * The late fee on money a bill receives on `paidOn` (SIL Art. 86; docs/RULES.md 6.8): computed per fund on what
 * each fund receives late, so that it lands in the right fund, with approved deferrals' days left out.
 * Shared by the payment itself and by the quote of what is due on a day (quote-payment.ts), so that
 * paying the quoted amount clears every bill and its fee to the fen.
 */
export function lateFeeByFund(
  book: PolicyBook,
  bill: { regionCode: string; dueDate: string },
  paidByFund: FundAmounts,
  paidOn: BusinessDate,
  deferralRows: readonly { from_date: string; to_date: string }[],
): { dailyRatePpm: number; funds: FundAmounts; feeFen: number; fee: LateFee | undefined } {
  const dailyRatePpm = book.require<number>('lateFee.dailyRate', {
    regionCode: bill.regionCode,
    period: dateToPeriod(paidOn),
  }).value;
  const deferrals = deferralRows.map((row) => ({ from: row.from_date, to: row.to_date }));
  const funds = zeroFundAmounts();
  let fee: LateFee | undefined;
  for (const fund of FUNDS) {
    if (paidByFund[fund] === 0) continue;
    fee = calculateLateFee({
      principalFen: paidByFund[fund],
      dueDate: bill.dueDate,
      paidOn,
      dailyRatePpm,
      deferrals,
    });
    funds[fund] = fee.feeFen;
  }
  const feeFen = FUNDS.reduce((sum, fund) => sum + funds[fund], 0);
  return { dailyRatePpm, funds, feeFen, fee };
}

/** Joins the caller's transaction when there is one (a bank import), so everything commits together. */
function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

function checkPaymentInput(input: PaymentInput, prefix: string, today: BusinessDate): void {
  if (!/^[EP]\d+$/.test(input.payerKey)) {
    throw new AppError(ErrorCode.VALIDATION, `${prefix}payer: "${input.payerKey}" is not a payer`, {
      field: `${prefix}payer`,
    });
  }
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) {
    throw new AppError(ErrorCode.VALIDATION, `${prefix}amountFen: must be a positive whole number of fen`, {
      field: `${prefix}amountFen`,
    });
  }
  // A real day, not before contributions existed, not in the future (docs/RULES.md 10.3).
  refuseFutureDate(input.paidOn, today, `${prefix}paidOn`, { earliest: EARLIEST_PAYMENT_DATE });
}

async function refuseKnownBankReferences(
  db: Kysely<Database>,
  inputs: readonly PaymentInput[],
): Promise<void> {
  const references = inputs.flatMap((input) => (input.bankReference ? [input.bankReference] : []));
  if (new Set(references).size !== references.length) {
    throw new AppError(ErrorCode.CONFLICT, 'bankReference: the same bank reference appears twice', {
      field: 'bankReference',
      detailCode: 'bank-reference-twice',
    });
  }
  const known = await selectFirstKnownReference(db, references);
  if (known) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `bankReference: ${known.bank_reference} was already recorded as payment ${known.payment_no}`,
      {
        field: 'bankReference',
        detailCode: 'bank-reference-recorded',
        params: { paymentNo: known.payment_no },
      },
    );
  }
}

async function insertLateFeeBills(
  trx: Kysely<Database>,
  receipts: Receipt[],
  lateFees: { paymentIndex: number; drafts: LateFeeDraft[] }[],
  recordedAt: string,
  postings: Posting[],
): Promise<CreatedLateFeeBill[]> {
  const created: CreatedLateFeeBill[] = [];
  for (const { paymentIndex, drafts } of lateFees) {
    const receipt = receipts[paymentIndex]!;
    const funds = zeroFundAmounts();
    for (const draft of drafts) for (const fund of FUNDS) funds[fund] += draft.funds[fund];
    const totalFen = FUNDS.reduce((sum, fund) => sum + funds[fund], 0);
    const first = drafts[0]!.sourceBill;
    const billNo = `LF-${receipt.paymentNo}`;
    const period = dateToPeriod(receipt.paidOn);
    const id = await insertBill(
      trx,
      {
        billNo,
        regionCode: first.regionCode,
        period,
        payerKey: receipt.payerKey,
        employerId: receipt.payerKey.startsWith('E') ? Number(receipt.payerKey.slice(1)) : null,
        personId: receipt.payerKey.startsWith('P') ? Number(receipt.payerKey.slice(1)) : null,
        kind: 'late_fee',
        dueDate: receipt.paidOn,
        runId: null,
      },
      {
        employerFen: receipt.payerKey.startsWith('E') ? totalFen : 0,
        employeeFen: receipt.payerKey.startsWith('P') ? totalFen : 0,
        totalFen,
        funds,
      },
      recordedAt,
    );
    postings.push(
      ...postLateFee(
        { eventKey: `late-fee:${billNo}`, businessDate: receipt.paidOn, regionCode: first.regionCode },
        funds,
      ),
    );
    created.push({
      paymentIndex,
      drafts,
      bill: {
        id,
        billNo,
        payerKey: receipt.payerKey,
        regionCode: first.regionCode,
        period,
        kind: 'late_fee',
        dueDate: receipt.paidOn,
        totalFen,
        paidFen: 0,
        funds: { ...funds },
      },
    });
    for (const draft of drafts) {
      receipt.lateFees.push({
        billNo,
        sourceBillNo: draft.sourceBill.billNo,
        principalFen: draft.principalFen,
        days: draft.days,
        feeFen: draft.feeFen,
      });
    }
  }
  return created;
}

async function insertPayments(
  trx: Kysely<Database>,
  inputs: readonly PaymentInput[],
  receipts: Receipt[],
  recordedAt: string,
): Promise<number[]> {
  return insertPaymentRows(
    trx,
    inputs.map((input, index) => {
      const receipt = receipts[index]!;
      return [
        receipt.paymentNo,
        input.bankReference ?? null,
        input.payerKey,
        input.amountFen,
        receipt.creditFen,
        input.paidOn,
        input.channel,
        recordedAt,
      ];
    }),
  );
}

async function insertAllocations(
  trx: Kysely<Database>,
  rows: { paymentIndex: number; bill: OpenBillRow; amountFen: number; funds: FundAmounts }[],
  paymentIds: number[],
  recordedAt: string,
): Promise<void> {
  await insertAllocationRows(
    trx,
    rows.map((row) => [
      paymentIds[row.paymentIndex]!,
      row.bill.id,
      row.amountFen,
      row.funds.pension,
      row.funds.medical,
      row.funds.unemployment,
      row.funds.work_injury,
      recordedAt,
    ]),
  );
}

/** The lines explaining each late-fee bill; written once the payment they arose from has its id. */
async function insertLateFeeLines(
  trx: Kysely<Database>,
  created: CreatedLateFeeBill[],
  paymentIds: number[],
): Promise<void> {
  const rows = created.flatMap(({ paymentIndex, bill, drafts }) =>
    drafts.map((draft) => ({
      bill_id: bill.id,
      source_bill_id: draft.sourceBill.id,
      payment_id: paymentIds[paymentIndex]!,
      principal_fen: draft.principalFen,
      from_date: draft.fromDate,
      to_date: draft.toDate,
      days: draft.days,
      daily_rate_ppm: draft.dailyRatePpm,
      fee_fen: draft.feeFen,
    })),
  );
  await insertLateFeeLineRows(trx, rows);
}

function subtractFunds(bill: OpenBillRow, funds: FundAmounts): void {
  for (const fund of FUNDS) bill.funds[fund] -= funds[fund];
}

function regionOf(bills: OpenBillRow[] | undefined): string {
  return bills?.[0]?.regionCode ?? '000000';
}
