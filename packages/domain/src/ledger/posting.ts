import type { Fen } from '../money/index.ts';
import { FUNDS, type Fund } from '../policy/dimensions.ts';
import type { BusinessDate } from '../time/index.ts';
import { COLLECTION_ACCOUNTS, FUND_ACCOUNTS, type Ledger, type MedicalLedger } from './accounts.ts';

export type Side = 'debit' | 'credit';

export interface PostingEntry {
  account: string;
  side: Side;
  /** Always positive (ledger rule 1); the side says which way it goes. */
  amountFen: Fen;
}

/** One balanced journal transaction within one ledger. */
export interface Posting {
  ledger: Ledger;
  kind: PostingKind;
  /** The business event; a ledger posts an event once. */
  eventKey: string;
  businessDate: BusinessDate;
  regionCode: string;
  entries: PostingEntry[];
  /** Set on a reversal: the event it reverses. */
  reversesEventKey?: string;
}

export type PostingKind =
  | 'assessment'
  | 'receipt'
  | 'allocation'
  | 'personal_account_credit'
  | 'late_fee'
  | 'interest'
  | 'reversal'
  | 'benefit_payroll'
  | 'benefit_payment'
  | 'benefit_return'
  | 'benefit_claim'
  | 'unemployment_medical_premium'
  | 'advance_repayment'
  | 'medical_claim'
  | 'medical_statement_payment'
  | 'retiree_account_credit'
  | 'medical_recovery'
  | 'resident_premium';

export type FundAmounts = Record<Fund, Fen>;

export function zeroFundAmounts(): FundAmounts {
  return { pension: 0, medical: 0, unemployment: 0, work_injury: 0 };
}

interface PostingContext {
  eventKey: string;
  businessDate: BusinessDate;
  regionCode: string;
}

/** A two-entry posting; a negative amount swaps the sides so every entry stays positive. */
function transfer(
  ledger: Ledger,
  kind: PostingKind,
  context: PostingContext,
  debitAccount: string,
  creditAccount: string,
  amountFen: Fen,
): Posting {
  const [debit, credit] = amountFen >= 0 ? [debitAccount, creditAccount] : [creditAccount, debitAccount];
  const amount = Math.abs(amountFen);
  return {
    ledger,
    kind,
    ...context,
    entries: [
      { account: debit, side: 'debit', amountFen: amount },
      { account: credit, side: 'credit', amountFen: amount },
    ],
  };
}

function perFund(amounts: FundAmounts, build: (fund: Fund, amountFen: Fen) => Posting): Posting[] {
  return FUNDS.filter((fund) => amounts[fund] !== 0).map((fund) => build(fund, amounts[fund]));
}

/** A contribution bill (or an adjustment, negative for a credit): receivable against contribution income. */
export function postAssessment(context: PostingContext, amounts: FundAmounts): Posting[] {
  return perFund(amounts, (fund, amountFen) =>
    transfer(
      fund,
      'assessment',
      context,
      FUND_ACCOUNTS.receivable,
      FUND_ACCOUNTS.contributionIncome,
      amountFen,
    ),
  );
}

/** A late-fee bill: receivable against late-fee income, in the fund whose contributions were late. */
export function postLateFee(context: PostingContext, amounts: FundAmounts): Posting[] {
  return perFund(amounts, (fund, amountFen) =>
    transfer(fund, 'late_fee', context, FUND_ACCOUNTS.receivable, FUND_ACCOUNTS.lateFeeIncome, amountFen),
  );
}

/** Money received at the collection account, not yet applied to any bill. */
export function postReceipt(context: PostingContext, amountFen: Fen): Posting[] {
  return [
    transfer(
      'collection',
      'receipt',
      context,
      COLLECTION_ACCOUNTS.bank,
      COLLECTION_ACCOUNTS.unapplied,
      amountFen,
    ),
  ];
}

/**
 * Received money applied to a bill: it leaves the collection account and reaches each fund's bank account,
 * settling that fund's receivable. Each ledger balances on its own.
 */
export function postAllocation(context: PostingContext, amounts: FundAmounts): Posting[] {
  const totalFen = FUNDS.reduce((sum, fund) => sum + amounts[fund], 0);
  return [
    // Funds that cancel out (one refunded as another is paid) move no money out of collection.
    ...(totalFen === 0
      ? []
      : [
          transfer(
            'collection',
            'allocation',
            context,
            COLLECTION_ACCOUNTS.unapplied,
            COLLECTION_ACCOUNTS.bank,
            totalFen,
          ),
        ]),
    ...perFund(amounts, (fund, amountFen) =>
      transfer(fund, 'allocation', context, FUND_ACCOUNTS.bank, FUND_ACCOUNTS.receivable, amountFen),
    ),
  ];
}

/** Paid personal-account parts move from contribution income to the personal-accounts liability. */
export function postPersonalAccountCredit(
  context: PostingContext,
  amounts: { pension: Fen; medical: Fen },
): Posting[] {
  return (['pension', 'medical'] as const)
    .filter((fund) => amounts[fund] !== 0)
    .map((fund) =>
      transfer(
        fund,
        'personal_account_credit',
        context,
        FUND_ACCOUNTS.contributionIncome,
        FUND_ACCOUNTS.personalAccounts,
        amounts[fund],
      ),
    );
}

/** Yearly interest credited to the personal accounts of one fund. */
export function postInterest(context: PostingContext, fund: Fund, amountFen: Fen): Posting[] {
  if (amountFen === 0) return [];
  return [
    transfer(
      fund,
      'interest',
      context,
      FUND_ACCOUNTS.interestExpense,
      FUND_ACCOUNTS.personalAccounts,
      amountFen,
    ),
  ];
}

/** What one payroll chunk pays out of the pension fund (docs/RULES.md 14.17). */
export interface BenefitPayout {
  /**
   * Out of the pooling fund: the basic and transitional parts, and the account part once the account is
   * spent. Negative when recoveries netted in exceed it: the expense is reduced.
   */
  pooledFen: Fen;
  /** Out of the personal accounts (the sub-ledger goes down by as much; negative puts money back). */
  accountFen: Fen;
  /** Overpayments recorded as claims, recovered by withholding them from what is paid now. */
  recoveredFen: Fen;
}

/**
 * A payroll's lines become owed to their payees: the expense of the pooling fund and the draw on the
 * personal accounts against benefits payable, less what is withheld to settle a recorded overpayment. One
 * transaction, within the fund that pays (no money moves between funds).
 */
export function postBenefitPayroll(context: PostingContext, fund: Fund, payout: BenefitPayout): Posting[] {
  const netFen = payout.pooledFen + payout.accountFen - payout.recoveredFen;
  if (netFen < 0) throw new RangeError(`${context.eventKey}: recovers more than it pays`);
  if (payout.recoveredFen < 0) throw new RangeError(`${context.eventKey}: a negative recovery`);
  const entries: PostingEntry[] = [];
  const add = (account: string, side: Side, amountFen: Fen) => {
    if (amountFen > 0) entries.push({ account, side, amountFen });
    if (amountFen < 0)
      entries.push({ account, side: side === 'debit' ? 'credit' : 'debit', amountFen: -amountFen });
  };
  add(FUND_ACCOUNTS.benefitExpense, 'debit', payout.pooledFen);
  add(FUND_ACCOUNTS.personalAccounts, 'debit', payout.accountFen);
  add(FUND_ACCOUNTS.recoverable, 'credit', payout.recoveredFen);
  add(FUND_ACCOUNTS.benefitsPayable, 'credit', netFen);
  return entries.length === 0 ? [] : [{ ledger: fund, kind: 'benefit_payroll', ...context, entries }];
}

/** A bank payment file handed to the bank: what it pays leaves the fund's bank account. */
export function postBenefitPayment(context: PostingContext, fund: Fund, amountFen: Fen): Posting[] {
  if (amountFen === 0) return [];
  return [
    transfer(fund, 'benefit_payment', context, FUND_ACCOUNTS.benefitsPayable, FUND_ACCOUNTS.bank, amountFen),
  ];
}

/** Payments the bank could not make come back: owed to their payees again until paid to a good account. */
export function postBenefitReturn(context: PostingContext, fund: Fund, amountFen: Fen): Posting[] {
  if (amountFen === 0) return [];
  return [
    transfer(fund, 'benefit_return', context, FUND_ACCOUNTS.bank, FUND_ACCOUNTS.benefitsPayable, amountFen),
  ];
}

/**
 * Benefits paid that were not owed (months after a death) become a claim: the pooling fund's expense and
 * the draw on the personal account are taken back, and the fund is owed the whole (docs/RULES.md 14.18).
 */
export function postRecoveryClaim(
  context: PostingContext,
  fund: Fund,
  claim: { pooledFen: Fen; accountFen: Fen },
): Posting[] {
  const totalFen = claim.pooledFen + claim.accountFen;
  if (claim.pooledFen < 0 || claim.accountFen < 0)
    throw new RangeError(`${context.eventKey}: a negative claim`);
  if (totalFen === 0) return [];
  const entries: PostingEntry[] = [
    { account: FUND_ACCOUNTS.recoverable, side: 'debit', amountFen: totalFen },
  ];
  if (claim.pooledFen > 0)
    entries.push({ account: FUND_ACCOUNTS.benefitExpense, side: 'credit', amountFen: claim.pooledFen });
  if (claim.accountFen > 0)
    entries.push({ account: FUND_ACCOUNTS.personalAccounts, side: 'credit', amountFen: claim.accountFen });
  return [{ ledger: fund, kind: 'benefit_claim', ...context, entries }];
}

/**
 * An employer repays benefits the work-injury fund advanced for it (WIIR Art. 62; docs/RULES.md 15.22): the
 * money arrives in the fund's bank account and the amount to recover goes down.
 */
export function postAdvanceRepayment(context: PostingContext, amountFen: Fen): Posting[] {
  if (amountFen <= 0) throw new RangeError(`${context.eventKey}: a repayment must be positive`);
  return [
    transfer(
      'work_injury',
      'advance_repayment',
      context,
      FUND_ACCOUNTS.bank,
      FUND_ACCOUNTS.recoverable,
      amountFen,
    ),
  ];
}

/**
 * The medical insurance premiums of people receiving unemployment benefit, which the unemployment fund pays
 * (SIL Art. 48; docs/RULES.md 15.21): an expense of the unemployment fund leaving its bank account, and
 * contribution income of the medical fund arriving in its own: two postings, each balanced in its own fund,
 * no money moved inside either.
 */
export function postUnemploymentMedicalPremiums(context: PostingContext, amountFen: Fen): Posting[] {
  if (amountFen < 0) throw new RangeError(`${context.eventKey}: negative premiums`);
  if (amountFen === 0) return [];
  return [
    transfer(
      'unemployment',
      'unemployment_medical_premium',
      context,
      FUND_ACCOUNTS.benefitExpense,
      FUND_ACCOUNTS.bank,
      amountFen,
    ),
    transfer(
      'medical',
      'unemployment_medical_premium',
      context,
      FUND_ACCOUNTS.bank,
      FUND_ACCOUNTS.contributionIncome,
      amountFen,
    ),
  ];
}

/**
 * A claim settled with a designated institution (docs/RULES.md 16.6): the pooling fund's share is its
 * expense, the personal account's share is drawn from the accounts' control, and the fund owes the
 * institution both until the month's statement is paid. Nothing when the person paid it all in cash.
 */
export function postMedicalClaim(
  context: PostingContext,
  ledger: MedicalLedger,
  claim: { pooledFen: Fen; accountFen: Fen },
): Posting[] {
  if (claim.pooledFen < 0 || claim.accountFen < 0)
    throw new RangeError(`${context.eventKey}: a negative claim`);
  const totalFen = claim.pooledFen + claim.accountFen;
  if (totalFen === 0) return [];
  const entries: PostingEntry[] = [];
  if (claim.pooledFen > 0)
    entries.push({ account: FUND_ACCOUNTS.benefitExpense, side: 'debit', amountFen: claim.pooledFen });
  if (claim.accountFen > 0)
    entries.push({ account: FUND_ACCOUNTS.personalAccounts, side: 'debit', amountFen: claim.accountFen });
  entries.push({ account: FUND_ACCOUNTS.institutionsPayable, side: 'credit', amountFen: totalFen });
  return [{ ledger, kind: 'medical_claim', ...context, entries }];
}

/** A month's statement paid to an institution: what the fund owed it leaves the fund's bank account. */
export function postMedicalStatementPayment(
  context: PostingContext,
  ledger: MedicalLedger,
  amountFen: Fen,
): Posting[] {
  if (amountFen === 0) return [];
  return [
    transfer(
      ledger,
      'medical_statement_payment',
      context,
      FUND_ACCOUNTS.institutionsPayable,
      FUND_ACCOUNTS.bank,
      amountFen,
    ),
  ];
}

/**
 * A finding's recovery (MFR Arts. 38-41; docs/RULES.md 16.7): what the fund paid and should not have is
 * taken back from its expense and is owed to it until recovered.
 */
export function postMedicalRecovery(context: PostingContext, ledger: MedicalLedger, lossFen: Fen): Posting[] {
  if (lossFen < 0) throw new RangeError(`${context.eventKey}: a negative recovery`);
  if (lossFen === 0) return [];
  return [
    transfer(
      ledger,
      'medical_recovery',
      context,
      FUND_ACCOUNTS.recoverable,
      FUND_ACCOUNTS.benefitExpense,
      lossFen,
    ),
  ];
}

/** A statement keeps back what an institution owes of recoveries: the debt to it and the claim on it net. */
export function postMedicalRecoveryDeduction(
  context: PostingContext,
  ledger: MedicalLedger,
  amountFen: Fen,
): Posting[] {
  if (amountFen <= 0) return [];
  return [
    transfer(
      ledger,
      'medical_recovery',
      context,
      FUND_ACCOUNTS.institutionsPayable,
      FUND_ACCOUNTS.recoverable,
      amountFen,
    ),
  ];
}

/**
 * A retiree's monthly credit to the medical personal account, from the pooling fund (GBF-2021-14;
 * docs/RULES.md 16.4): an expense of the pool, owed to the person on their account.
 */
export function postRetireeAccountCredit(context: PostingContext, amountFen: Fen): Posting[] {
  if (amountFen <= 0) return [];
  return [
    transfer(
      'medical',
      'retiree_account_credit',
      context,
      FUND_ACCOUNTS.benefitExpense,
      FUND_ACCOUNTS.personalAccounts,
      amountFen,
    ),
  ];
}

/** A resident's yearly premium received into the residents' medical fund (GF-2016-3; docs/RULES.md 16.5). */
export function postResidentPremium(context: PostingContext, amountFen: Fen): Posting[] {
  if (amountFen <= 0) return [];
  return [
    transfer(
      'residents_medical',
      'resident_premium',
      context,
      FUND_ACCOUNTS.bank,
      FUND_ACCOUNTS.contributionIncome,
      amountFen,
    ),
  ];
}

/** The mirror image of a posting, pointing at it; the only way to correct what was posted. */
export function reversePosting(original: Posting, context: PostingContext): Posting {
  return {
    ledger: original.ledger,
    kind: 'reversal',
    ...context,
    reversesEventKey: original.eventKey,
    entries: original.entries.map((entry) => ({
      ...entry,
      side: entry.side === 'debit' ? 'credit' : 'debit',
    })),
  };
}

/** Ledger rule 1: debits equal credits and every amount is positive. */
export function checkPostingBalanced(posting: Posting): string | null {
  let debitFen = 0;
  let creditFen = 0;
  for (const entry of posting.entries) {
    if (!Number.isSafeInteger(entry.amountFen) || entry.amountFen <= 0) {
      return `${posting.eventKey}: entry ${entry.account} has amount ${entry.amountFen}, which is not positive`;
    }
    if (entry.side === 'debit') debitFen += entry.amountFen;
    else creditFen += entry.amountFen;
  }
  return debitFen === creditFen ? null : `${posting.eventKey}: debits ${debitFen} ≠ credits ${creditFen}`;
}
