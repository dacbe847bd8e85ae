/** Today in China (YYYY-MM-DD), where the agency's business dates live, whatever the reader's time zone. */
export function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** The current calendar year in China. */
export function chinaYear(): number {
  return Number(chinaToday().slice(0, 4));
}
