export * from './pension/index.ts';
export * from './applications/index.ts';
