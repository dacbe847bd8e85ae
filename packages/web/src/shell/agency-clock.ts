import { chinaDateOf, type BusinessDate, type Period } from '@shebao/domain';

/**
 * The agency's clock. The server writes its time into index.html (`<meta name="shebao-now">`), so that
 * "today" on every page (the month a run assesses, a payment's date, the year shown first) is the
 * agency's: the same day the server computes with, fixed by SHEBAO_TODAY in demos and tests, and not
 * whatever the visitor's computer says. Without the tag (the Vite dev server) the browser's clock serves.
 */
function readOffsetMs(): number {
  if (typeof document === 'undefined') return 0;
  const content = document.querySelector('meta[name="shebao-now"]')?.getAttribute('content');
  const serverMs = content ? Date.parse(content) : NaN;
  return Number.isNaN(serverMs) ? 0 : serverMs - Date.now();
}

const offsetMs = readOffsetMs();

/** Now, by the agency's clock. */
export function agencyNow(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Today as the agency counts days (China time), YYYY-MM-DD. */
export function chinaToday(now: Date = agencyNow()): BusinessDate {
  return chinaDateOf(now);
}

/** The current calendar year in China. */
export function chinaYear(now: Date = agencyNow()): number {
  return Number(chinaToday(now).slice(0, 4));
}

/** The current month in China, YYYY-MM. */
export function currentPeriod(now: Date = agencyNow()): Period {
  return chinaToday(now).slice(0, 7);
}
