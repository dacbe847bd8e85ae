import { DEBIT_NORMAL_ACCOUNTS, FUNDS } from '@shebao/domain';
import type { AccountBalance, FundMonth } from './money-api.ts';

/** The ledgers the dashboard shows: the four funds, the residents' medical fund, then the collection clearing ledger. */
export const LEDGER_ORDER = [...FUNDS, 'residents_medical', 'collection'] as const;
export type LedgerName = (typeof LEDGER_ORDER)[number];

/** The accounts in the order the balance table shows them. */
export const ACCOUNT_ORDER = [
  'bank',
  'receivable',
  'contribution_income',
  'late_fee_income',
  'personal_accounts',
  'interest_expense',
  'benefit_expense',
  'benefits_payable',
  'institutions_payable',
  'recoverable',
  'unapplied',
] as const;
export type AccountName = (typeof ACCOUNT_ORDER)[number];

export interface LedgerBalances {
  ledger: LedgerName;
  /** Each account's balance on its normal side (assets and expenses debit, the others credit), in fen. */
  accounts: Partial<Record<AccountName, number>>;
}

/** The ledger's debit and credit totals per account -> each ledger's balances, every ledger present. */
export function ledgerBalances(items: readonly AccountBalance[]): LedgerBalances[] {
  return LEDGER_ORDER.map((ledger) => {
    const accounts: Partial<Record<AccountName, number>> = {};
    for (const item of items) {
      if (item.fund !== ledger || !(ACCOUNT_ORDER as readonly string[]).includes(item.account)) continue;
      const debitNormal = DEBIT_NORMAL_ACCOUNTS.has(item.account);
      accounts[item.account as AccountName] = debitNormal
        ? item.debitFen - item.creditFen
        : item.creditFen - item.debitFen;
    }
    return { ledger, accounts };
  });
}

/** The accounts any ledger has, in table order (so the table has no column that is empty everywhere). */
export function accountsInUse(balances: readonly LedgerBalances[]): AccountName[] {
  return ACCOUNT_ORDER.filter((account) => balances.some((ledger) => ledger.accounts[account] !== undefined));
}

export interface IncomeTable {
  periods: string[];
  /** Per fund, one figure per period in `periods` order. */
  received: Record<(typeof FUNDS)[number], number[]>;
  billed: Record<(typeof FUNDS)[number], number[]>;
}

/** The income reply (one row per month and fund) -> a column per fund, months in order. */
export function incomeTable(months: readonly FundMonth[]): IncomeTable {
  const periods = [...new Set(months.map((month) => month.period))].sort();
  const index = new Map(periods.map((period, position) => [period, position]));
  const empty = () =>
    Object.fromEntries(FUNDS.map((fund) => [fund, periods.map(() => 0)])) as IncomeTable['received'];
  const table: IncomeTable = { periods, received: empty(), billed: empty() };
  for (const month of months) {
    const position = index.get(month.period)!;
    table.received[month.fund][position] = month.receivedFen;
    table.billed[month.fund][position] = month.billedFen;
  }
  return table;
}
