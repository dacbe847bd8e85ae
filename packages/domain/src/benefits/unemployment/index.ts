export * from './unemployment-rules.ts';
export * from './entitlement.ts';
export * from './monthly-amount.ts';
