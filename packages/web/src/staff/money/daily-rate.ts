/** A daily late-fee rate in parts per million as a percentage: 500 -> "0.05%" (SIL Art. 86), 250 -> "0.025%". */
export function formatDailyRate(ppm: number): string {
  const whole = Math.trunc(ppm / 10_000);
  const fraction = String(ppm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '')
    .padEnd(2, '0');
  return `${whole}.${fraction}%`;
}
