import { formatFenAsYuan } from '@shebao/domain';

/**
 * Display formats shared by every audience's pages. Amounts arrive from the API as integer fen and are
 * shown as yuan with digit grouping; the conversion is string arithmetic (no floats on the money path).
 */

/** 123456789 fen -> "¥1,234,567.89" (negative amounts keep their sign: "-¥12.00"). */
export function formatYuan(amountFen: number): string {
  const text = formatFenAsYuan(amountFen);
  const negative = text.startsWith('-');
  const [whole = '0', fraction = '00'] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${grouped}.${fraction}`;
}

/** "2026-05" -> "2026年5月" in Chinese, "May 2026" in English. */
export function formatPeriod(period: string, language: string): string {
  const [year, month] = period.split('-').map(Number);
  if (!year || !month) return period;
  if (language.startsWith('zh')) return `${year}年${month}月`;
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('en', {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/**
 * An instant as the agency's clock shows it (China time, whatever the reader's own zone), in the reader's
 * language. The public verification page spells the date out ('long'); lists and cards keep it short.
 * Text that is not a date comes back as it is rather than as "Invalid Date".
 */
export function formatChinaTime(
  instant: string,
  language: string,
  dateStyle: 'medium' | 'long' = 'medium',
): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(language, {
    timeZone: 'Asia/Shanghai',
    dateStyle,
    timeStyle: 'short',
  }).format(date);
}
