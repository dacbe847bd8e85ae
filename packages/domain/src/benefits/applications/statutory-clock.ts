import { addDays, daysBetween, parseBusinessDate, type BusinessDate } from '../../time/index.ts';

/** How long the agency has to decide an application of one kind, and the rule that says so. */
export interface StatutoryClock {
  days: number;
  unit: 'calendar-days' | 'working-days';
  source: string;
}

/** The days that are not working days although on Monday to Friday, and the weekend days that are. */
export interface WorkingCalendar {
  holidays: ReadonlySet<BusinessDate>;
  workingWeekendDays: ReadonlySet<BusinessDate>;
}

/** A request for missing material stops the clock from the day it is sent to the day the material comes. */
export interface ClockPause {
  from: BusinessDate;
  /** null while the material is still awaited. */
  to: BusinessDate | null;
}

export interface ClockReading {
  /** The last day the decision may be made on, pauses included; null while paused. */
  dueOn: BusinessDate | null;
  /** Days (of the clock's unit) used so far, not counting paused days. */
  usedDays: number;
  /** Days left on `asOf` (negative when overdue); null while paused. */
  daysLeft: number | null;
  paused: boolean;
  overdue: boolean;
}

/** True on a working day: Monday to Friday unless a holiday, or a weekend day declared a working day. */
export function isWorkingDay(date: BusinessDate, calendar: WorkingCalendar): boolean {
  if (calendar.workingWeekendDays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function isPausedOn(date: BusinessDate, pauses: readonly ClockPause[]): boolean {
  // The day the material is requested still counts; the day it arrives starts the clock again.
  return pauses.some((pause) => date > pause.from && (pause.to === null || date < pause.to));
}

/**
 * Reads an application's statutory clock (docs/RULES.md 14.1): counting starts the day after filing; a
 * working-day clock counts only working days of the region's calendar; days while material is awaited do
 * not count. The decision is due on the day the last counted day falls on.
 */
export function readStatutoryClock(
  filedOn: BusinessDate,
  clock: StatutoryClock,
  pauses: readonly ClockPause[],
  calendar: WorkingCalendar,
  asOf: BusinessDate,
): ClockReading {
  parseBusinessDate(filedOn, 'filedOn');
  parseBusinessDate(asOf, 'asOf');
  if (!Number.isSafeInteger(clock.days) || clock.days <= 0)
    throw new RangeError(`clock.days: ${clock.days} is not a positive whole number of days`);
  const counts = (date: BusinessDate) =>
    !isPausedOn(date, pauses) && (clock.unit === 'calendar-days' || isWorkingDay(date, calendar));
  const paused = pauses.some((pause) => pause.to === null);

  let usedDays = 0;
  for (let date = addDays(filedOn, 1); date <= asOf; date = addDays(date, 1)) if (counts(date)) usedDays += 1;
  if (paused) return { dueOn: null, usedDays, daysLeft: null, paused, overdue: usedDays > clock.days };

  // The due date: walk on from filing until the clock's days are counted (ten years at most: a bug guard).
  let dueOn = filedOn;
  for (let counted = 0; counted < clock.days;) {
    dueOn = addDays(dueOn, 1);
    if (counts(dueOn)) counted += 1;
    if (daysBetween(filedOn, dueOn) > 3_660) throw new RangeError('clock: no due date within ten years');
  }
  const daysLeft = clock.days - usedDays;
  return { dueOn, usedDays, daysLeft, paused, overdue: asOf > dueOn };
}
