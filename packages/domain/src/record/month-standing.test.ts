import { describe, expect, it } from 'vitest';
import { describeMonthStanding, monthStanding } from './month-standing.ts';

describe('where a month of the record stands', () => {
  const asOf = '2026-12-06';

  it('keeps owed, due and overdue apart', () => {
    expect(monthStanding({ status: 'paid', dueDate: null }, asOf)).toBe('paid');
    expect(monthStanding({ status: 'owed', dueDate: '2026-12-15' }, asOf)).toBe('not-yet-due');
    expect(monthStanding({ status: 'owed', dueDate: '2026-12-06' }, asOf)).toBe('due-today');
    expect(monthStanding({ status: 'partly_paid', dueDate: '2026-11-15' }, asOf)).toBe('overdue');
  });

  it('says so in the console and in the CSV export, never "owed" for a month not yet due', () => {
    const november = { status: 'owed', dueDate: '2026-12-15' } as const;
    expect(describeMonthStanding(november, asOf, 'en')).toBe('not yet due (by 2026-12-15)');
    expect(describeMonthStanding(november, asOf, 'zh-en')).toBe('未到期 not yet due (2026-12-15)');
    const october = { status: 'partly_paid', dueDate: '2026-11-15' } as const;
    expect(describeMonthStanding(october, asOf, 'en')).toBe('partly paid, OVERDUE since 2026-11-15');
    expect(describeMonthStanding(october, asOf, 'zh-en')).toBe(
      '部分缴纳 partly paid; 逾期 overdue (2026-11-15)',
    );
    expect(describeMonthStanding({ status: 'owed', dueDate: asOf }, asOf, 'en')).toBe('due today');
  });
});
