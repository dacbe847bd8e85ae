import type { BusinessDate } from '../time/index.ts';

// China has kept UTC+8 all year since 1991, so the business date is a fixed offset from UTC.
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The business date (China time) of an instant, e.g. 2025-03-31T17:00:00Z -> "2025-04-01". */
export function chinaDateOf(instant: Date): BusinessDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('instant: not a valid time');
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The minute of an instant in China time, as people read it: 2026-12-06T20:08:18Z -> "2026-12-07 04:08". */
export function chinaMinuteOf(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('instant: not a valid time');
  const text = new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)}`;
}
