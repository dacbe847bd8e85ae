import { describe, expect, it } from 'vitest';
import { isWorkingDay, readStatutoryClock, type WorkingCalendar } from './statutory-clock.ts';

// Spring Festival 2025: 28 Jan to 4 Feb off; Sunday 26 Jan and Saturday 8 Feb worked (国办发明电〔2024〕12号).
const calendar: WorkingCalendar = {
  holidays: new Set(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04']),
  workingWeekendDays: new Set(['2025-01-26', '2025-02-08']),
};
const none: WorkingCalendar = { holidays: new Set(), workingWeekendDays: new Set() };
const fifteenWorking = { days: 15, unit: 'working-days', source: 'PRRM' } as const;

describe('a statutory clock', () => {
  it('knows the working days of the calendar', () => {
    expect(isWorkingDay('2025-01-26', calendar)).toBe(true); // a Sunday worked
    expect(isWorkingDay('2025-01-29', calendar)).toBe(false); // a Wednesday off
    expect(isWorkingDay('2025-01-25', calendar)).toBe(false); // a plain Saturday
  });

  it('counts 15 working days from the day after filing', () => {
    // Filed Monday 2025-03-03: 4-7 Mar (4), 10-14 (5), 17-21 (5), 24 Mar (1) = 15 -> due Monday 24 March.
    const reading = readStatutoryClock('2025-03-03', fifteenWorking, [], none, '2025-03-10');
    expect(reading).toMatchObject({ dueOn: '2025-03-24', usedDays: 5, daysLeft: 10, overdue: false });
  });

  it('skips holidays and counts the weekend days worked', () => {
    // Filed Friday 24 January: 26 (a Sunday worked) and 27 January (2); 5, 6, 7 February (5); Saturday 8
    // February, worked (6); 10-14 (11); 17-20 (15) -> due Thursday 20 February, overdue on the 21st.
    const reading = readStatutoryClock('2025-01-24', fifteenWorking, [], calendar, '2025-02-21');
    expect(reading).toMatchObject({ dueOn: '2025-02-20', usedDays: 16, daysLeft: -1, overdue: true });
  });

  it('stops while material is awaited and runs again from the day it arrives', () => {
    const clock = { days: 30, unit: 'calendar-days', source: 'test' } as const;
    // Filed 1 April; material asked for on 5 April, arrived 15 April: 6-14 April (9 days) do not count.
    const waiting = readStatutoryClock(
      '2025-04-01',
      clock,
      [{ from: '2025-04-05', to: null }],
      none,
      '2025-04-10',
    );
    expect(waiting).toMatchObject({ dueOn: null, paused: true, usedDays: 4, daysLeft: null, overdue: false });
    const resumed = readStatutoryClock(
      '2025-04-01',
      clock,
      [{ from: '2025-04-05', to: '2025-04-15' }],
      none,
      '2025-04-20',
    );
    // 1 May + 9 paused days = 10 May.
    expect(resumed).toMatchObject({ dueOn: '2025-05-10', usedDays: 10, daysLeft: 20, overdue: false });
  });

  it('refuses a clock of no days', () => {
    expect(() =>
      readStatutoryClock(
        '2025-04-01',
        { days: 0, unit: 'calendar-days', source: 'x' },
        [],
        none,
        '2025-04-02',
      ),
    ).toThrow(/clock.days/);
  });
});
