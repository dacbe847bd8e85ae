import type { Period } from './period.ts';

/** A business date "YYYY-MM-DD" (China time, no clock attached). */
export type BusinessDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseBusinessDate(text: string, field = 'date'): BusinessDate {
  const match = DATE_PATTERN.exec(text);
  if (!match || !isValidDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new RangeError(`${field}: "${text}" is not a calendar date in the form YYYY-MM-DD`);
  }
  return text;
}

export function dateToPeriod(date: BusinessDate): Period {
  return date.slice(0, 7);
}

/** Whole days from a to b (b − a), counted on the UTC calendar so no time zone shifts a day. */
export function daysBetween(a: BusinessDate, b: BusinessDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: BusinessDate, days: number): BusinessDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The same day some months later (a year: 12), or the month's last day where it has no such day: a deadline
 * of "one year from 2024-02-29" ends on 2025-02-28.
 */
export function addMonthsToDate(date: BusinessDate, months: number): BusinessDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const toYear = Math.floor(index / 12);
  const toMonth = (index % 12) + 1;
  const toDay = Math.min(day, daysInMonth(toYear, toMonth));
  return `${String(toYear).padStart(4, '0')}-${String(toMonth).padStart(2, '0')}-${String(toDay).padStart(2, '0')}`;
}
