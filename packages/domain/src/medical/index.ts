export * from './medical-rules.ts';
export * from './settle-claim.ts';
export * from './waiting-period.ts';
export * from './penalties.ts';
