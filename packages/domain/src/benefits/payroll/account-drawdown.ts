import type { Explanation } from '../../explain/index.ts';
import { formatFenAsYuan, type Fen } from '../../money/index.ts';

/** What one month of a pension draws on the personal account, and what the pooling fund pays. */
export interface MonthSplit {
  /** Out of the personal account: the account part while the balance lasts, then what is left, then 0. */
  accountFen: Fen;
  /** Out of the pooling fund: the rest of the month's amount. */
  pooledFen: Fen;
}

export interface DrawdownInput {
  /** The month's whole amount as the award version in force gives it. */
  monthlyFen: Fen;
  /** The personal-account part fixed at retirement (balance ÷ divisor), within `monthlyFen`. */
  accountPartFen: Fen;
  /** The account balance at retirement, which the account part draws down. */
  balanceFen: Fen;
  /** How many months of the award come before this one (0 for the first month). */
  monthsBefore: number;
}

/**
 * The split of one month between the personal account and the pooling fund (docs/RULES.md 14.15): the
 * account pays the account part each month in order from the first, so month n (counted from 0) draws
 * min(part, balance − n × part) while that is positive; once the balance is spent the pooling fund pays the
 * account part too, and it always pays the rest (the basic and transitional parts and every later
 * increase). The draw belongs to the month owed, not to the day it is paid, so a month paid late draws
 * what it would have drawn on time and the same month is never drawn twice.
 */
export function splitMonth(input: DrawdownInput): MonthSplit {
  for (const [field, value] of Object.entries(input))
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`${field}: ${value} is not a whole non-negative number`);
  const left = Math.max(0, input.balanceFen - input.monthsBefore * input.accountPartFen);
  const accountFen = Math.min(input.accountPartFen, left, input.monthlyFen);
  return { accountFen, pooledFen: input.monthlyFen - accountFen };
}

/** The split with its explanation, for a payment line shown to the person. */
export function explainSplit(input: DrawdownInput): MonthSplit & { explanation: Explanation } {
  const split = splitMonth(input);
  return {
    ...split,
    explanation: {
      rule: 'The personal account pays the account part each month until its balance at retirement is spent; the pooling fund pays the rest of the pension, and the account part too once the account is spent.',
      formula: `account: min(${formatFenAsYuan(input.accountPartFen)}, ${formatFenAsYuan(input.balanceFen)} − ${input.monthsBefore} × ${formatFenAsYuan(input.accountPartFen)}) = ${formatFenAsYuan(split.accountFen)}; pooling fund: ${formatFenAsYuan(input.monthlyFen)} − ${formatFenAsYuan(split.accountFen)} = ${formatFenAsYuan(split.pooledFen)}`,
      inputs: {
        monthly: formatFenAsYuan(input.monthlyFen),
        accountPart: formatFenAsYuan(input.accountPartFen),
        balance: formatFenAsYuan(input.balanceFen),
        monthsBefore: String(input.monthsBefore),
      },
      sources: ['GF-2005-38 (the account part, and the pooling fund paying it once the account is spent)'],
    },
  };
}

/** What is left on the account after the months before `monthsBefore` drew on it (for inheritance). */
export function accountLeft(accountPartFen: Fen, balanceFen: Fen, monthsPaid: number): Fen {
  return Math.max(0, balanceFen - monthsPaid * accountPartFen);
}
