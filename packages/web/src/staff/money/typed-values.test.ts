import { describe, expect, it } from 'vitest';
import { formatDailyRate } from './daily-rate.ts';
import { isPayerCode, typedYuanToFen } from './typed-values.ts';

describe('what staff type into the money forms', () => {
  it('reads yuan as integer fen, grouped or not, and refuses what is not an amount above zero', () => {
    expect(typedYuanToFen('1,234.5')).toBe(123_450);
    expect(typedYuanToFen(' ¥0.01 ')).toBe(1);
    expect(typedYuanToFen('52300.50')).toBe(5_230_050);
    for (const bad of ['', '0', '0.00', '-5', '1.234', 'abc', '12x.5', '1e3'])
      expect(typedYuanToFen(bad), bad).toBeNull();
  });

  it('takes a credit code or an identity number as a payer, nothing else', () => {
    expect(isPayerCode('11010519491231002X')).toBe(true);
    expect(isPayerCode('91350100M000100Y43')).toBe(true);
    expect(isPayerCode('11010519491231002Y')).toBe(false);
    expect(isPayerCode('12345')).toBe(false);
  });

  it('shows a daily late-fee rate in parts per million as a percentage', () => {
    expect(formatDailyRate(500)).toBe('0.05%');
    expect(formatDailyRate(1_000)).toBe('0.10%');
    expect(formatDailyRate(250)).toBe('0.025%');
  });
});
