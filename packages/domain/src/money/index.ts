export * from './units.ts';
export * from './rounding.ts';
export * from './rate.ts';
export * from './allocate.ts';
export * from './decimal-text.ts';
export * from './round-number.ts';
export * from './format-decimal.ts';
