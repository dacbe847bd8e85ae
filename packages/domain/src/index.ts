export * from './money/index.ts';
export * from './time/index.ts';
export * from './explain/index.ts';
export * from './policy/index.ts';
export * from './contribution/index.ts';
