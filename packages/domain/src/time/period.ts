/**
 * A period is a calendar month written "YYYY-MM". Month arithmetic is done on a month index
 * (year × 12 + month − 1) so it never touches time zones or a clock.
 */
export type Period = string;

const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && PERIOD_PATTERN.test(value);
}

export function parsePeriod(text: string, field = 'period'): Period {
  if (!isPeriod(text)) throw new RangeError(`${field}: "${text}" is not a month in the form YYYY-MM`);
  return text;
}

export function periodToIndex(period: Period): number {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new RangeError(`period: "${period}" is not a month in the form YYYY-MM`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function indexToPeriod(index: number): Period {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(period: Period, months: number): Period {
  return indexToPeriod(periodToIndex(period) + months);
}

export function monthsBetween(from: Period, to: Period): number {
  return periodToIndex(to) - periodToIndex(from);
}

export function periodYear(period: Period): number {
  return Number(period.slice(0, 4));
}

export function periodMonth(period: Period): number {
  return Number(period.slice(5, 7));
}

export function comparePeriods(a: Period, b: Period): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
