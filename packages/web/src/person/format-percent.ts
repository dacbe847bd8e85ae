/** 600000 ppm -> "60%"; 1234567 -> "123.4567%" (exact: integer arithmetic on the ppm). */
export function formatPercentPpm(ppm: number): string {
  const whole = Math.trunc(ppm / 10_000);
  const fraction = String(ppm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}
