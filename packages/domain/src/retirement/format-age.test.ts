import { expect, it } from 'vitest';
import { formatAgeMonths } from './format-age.ts';

it('formatAgeMonths writes years and months', () => {
  expect(formatAgeMonths(721)).toBe('60 years 1 month');
  expect(formatAgeMonths(756)).toBe('63 years');
  expect(formatAgeMonths(602)).toBe('50 years 2 months');
});
