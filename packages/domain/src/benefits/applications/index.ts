export * from './statutory-clock.ts';
