import {
  addMonths,
  daysInMonth,
  periodMonth,
  periodYear,
  type BusinessDate,
  type Period,
} from '@shebao/domain';

/** The due date of a month's bill: the given day of the following month (clamped to its length). */
export function dueDateOf(period: Period, dueDay: number): BusinessDate {
  const next = addMonths(period, 1);
  const day = Math.min(dueDay, daysInMonth(periodYear(next), periodMonth(next)));
  return `${next}-${String(day).padStart(2, '0')}`;
}

/** First and last calendar day of a month, for "employed on any day of the month". */
export function monthBounds(period: Period): { firstDay: BusinessDate; lastDay: BusinessDate } {
  const last = daysInMonth(periodYear(period), periodMonth(period));
  return { firstDay: `${period}-01`, lastDay: `${period}-${String(last).padStart(2, '0')}` };
}
