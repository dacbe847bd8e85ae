/** One ledger's totals: debits and credits of all its accounts, and what is left (zero when it balances). */
export interface TrialBalance {
  fund: string;
  debitFen: number;
  creditFen: number;
  differenceFen: number;
}

/** The trial balance per ledger (each fund, and the collection ledger) from the per-account balances. */
export function trialBalances(
  balances: readonly { fund: string; debitFen: number; creditFen: number }[],
): TrialBalance[] {
  const byFund = new Map<string, TrialBalance>();
  for (const row of balances) {
    const total = byFund.get(row.fund) ?? { fund: row.fund, debitFen: 0, creditFen: 0, differenceFen: 0 };
    total.debitFen += row.debitFen;
    total.creditFen += row.creditFen;
    total.differenceFen = total.debitFen - total.creditFen;
    byFund.set(row.fund, total);
  }
  return [...byFund.values()].sort((a, b) => a.fund.localeCompare(b.fund));
}
