import { dateToPeriod } from '../time/index.ts';
import { firstAndLastMonth, laterOf } from './assemble-record.ts';
import type { YearSummaryTuple } from './record-rows.ts';

/**
 * The months a record covers when the reader names none, or only one end (docs/RULES.md 13.1): from the
 * first month ever contributed for up to this month, or the last month contributed for when that is later.
 * What was credited after the last contribution (the year's interest of someone who left mid-year) and
 * the months not paid since are part of it. `today` is the business date in China time.
 */
export function recordRange(
  years: readonly YearSummaryTuple[],
  fromInput: string | undefined,
  toInput: string | undefined,
  today: string,
): { from: string; to: string } {
  const currentMonth = dateToPeriod(today);
  const ever = firstAndLastMonth(years);
  const from = fromInput ?? ever.first ?? toInput ?? ever.last ?? '1990-01';
  const to = toInput ?? (ever.last === null ? from : laterOf(laterOf(ever.last, currentMonth), from));
  return { from, to };
}
