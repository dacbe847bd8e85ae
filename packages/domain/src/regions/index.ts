export * from './region-code.ts';
export * from './region-table.ts';
