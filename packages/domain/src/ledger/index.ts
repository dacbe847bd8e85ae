export * from './accounts.ts';
export * from './posting.ts';
