export * from './pension/index.ts';
