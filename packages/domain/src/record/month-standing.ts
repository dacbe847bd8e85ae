import type { RightsMonth } from './record-types.ts';

/**
 * Where a month of the record stands on a day: paid in full, or unpaid and not yet due, due that day, or
 * overdue (its due date has passed: arrears, a late fee running). Owed, due and overdue are three things
 * (docs/RULES.md 6.3); a month owed but not yet due is not a debt in arrears.
 */
export type MonthStanding = 'paid' | 'not-yet-due' | 'due-today' | 'overdue';

export function monthStanding(month: Pick<RightsMonth, 'status' | 'dueDate'>, asOf: string): MonthStanding {
  if (month.status === 'paid' || month.dueDate === null) return 'paid';
  if (month.dueDate > asOf) return 'not-yet-due';
  return month.dueDate === asOf ? 'due-today' : 'overdue';
}

/** A month's standing in words, English (the console) or Chinese then English (the CSV export). */
export function describeMonthStanding(
  month: Pick<RightsMonth, 'status' | 'dueDate'>,
  asOf: string,
  language: 'en' | 'zh-en',
): string {
  const standing = monthStanding(month, asOf);
  const due = month.dueDate ?? '';
  const partly = month.status === 'partly_paid';
  if (language === 'en') {
    const prefix = partly ? 'partly paid, ' : '';
    if (standing === 'paid') return 'paid';
    if (standing === 'not-yet-due') return `${prefix}not yet due (by ${due})`;
    if (standing === 'due-today') return `${prefix}due today`;
    return `${prefix}OVERDUE since ${due}`;
  }
  const prefix = partly ? '部分缴纳 partly paid; ' : '';
  if (standing === 'paid') return '已缴 paid';
  if (standing === 'not-yet-due') return `${prefix}未到期 not yet due (${due})`;
  if (standing === 'due-today') return `${prefix}今日到期 due today`;
  return `${prefix}逾期 overdue (${due})`;
}
