import { FUNDS, type Fund } from '../policy/dimensions.ts';

/**
 * The ledgers: one per fund (SIL Art. 64: medical and maternity share one), the residents' medical fund
 * (GF-2016-3: the residents' scheme is pooled apart from the employees'), plus the collection clearing
 * account where money waits between the bank and the funds. Each balances on its own; no posting moves
 * money from one to another.
 */
export const LEDGERS = [...FUNDS, 'residents_medical', 'collection'] as const;
export type Ledger = (typeof LEDGERS)[number];

/** The chart of accounts of every fund ledger. */
export const FUND_ACCOUNTS = {
  /** Contributions and fees billed and not yet paid (asset). */
  receivable: 'receivable',
  /** The fund's bank account (asset). */
  bank: 'bank',
  /** Contributions billed to the fund's pooling account (income). */
  contributionIncome: 'contribution_income',
  /** Late fees billed (income). */
  lateFeeIncome: 'late_fee_income',
  /** What the fund owes the insured on their personal accounts (liability); control of the sub-ledger. */
  personalAccounts: 'personal_accounts',
  /** Interest credited to personal accounts (expense). */
  interestExpense: 'interest_expense',
  /** Benefits paid out of the pooling fund: pensions, grants (expense; docs/RULES.md 14.17). */
  benefitExpense: 'benefit_expense',
  /** Benefits owed to payees and not yet paid out by the bank (liability). */
  benefitsPayable: 'benefits_payable',
  /** Benefits paid that were not owed, to be recovered (asset). */
  recoverable: 'recoverable',
  /**
   * What the medical funds owe designated institutions for the claims they settled and have not yet been
   * paid for (liability; docs/RULES.md 16.6).
   */
  institutionsPayable: 'institutions_payable',
} as const;

/** The medical ledgers a claim settles in: the employees' fund or the residents'. */
export const MEDICAL_LEDGERS = ['medical', 'residents_medical'] as const;
export type MedicalLedger = (typeof MEDICAL_LEDGERS)[number];

/** The collection clearing ledger: cash received and not yet applied to bills. */
export const COLLECTION_ACCOUNTS = {
  bank: 'bank',
  /** Received but not yet applied: payers' credits and unmatched receipts (liability). */
  unapplied: 'unapplied',
} as const;

/** Funds that keep personal accounts. */
export const PERSONAL_ACCOUNT_FUNDS: readonly Fund[] = ['pension', 'medical'];

/** Accounts whose normal balance is a debit (assets, expenses); the others are credit-normal. */
export const DEBIT_NORMAL_ACCOUNTS: ReadonlySet<string> = new Set([
  'receivable',
  'bank',
  'interest_expense',
  'benefit_expense',
  'recoverable',
]);
