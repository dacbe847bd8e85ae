import { formatPeriod } from '../../shell/format.ts';

/** A run's period as the reader says it: a year ("2025年" / "2025") or a month ("2026年5月" / "May 2026"). */
export function runPeriod(period: string, language: string): string {
  if (/^\d{4}$/.test(period)) return language.startsWith('zh') ? `${period}年` : period;
  return formatPeriod(period, language);
}
