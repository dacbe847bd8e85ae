import { formatPeriod } from '../shell/format.ts';

/** Months as a short readable list: the first few, then "and more". */
export function periodList(periods: readonly string[], language: string, more: string, shown = 6): string {
  const separator = language.startsWith('zh') ? '、' : ', ';
  const text = periods
    .slice(0, shown)
    .map((period) => formatPeriod(period, language))
    .join(separator);
  return periods.length > shown ? `${text} ${more}` : text;
}
