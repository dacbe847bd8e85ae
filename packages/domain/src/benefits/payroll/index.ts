export * from './monthly-entitlement.ts';
export * from './survival-verification.ts';
