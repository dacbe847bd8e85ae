export * from './period.ts';
export * from './date.ts';
