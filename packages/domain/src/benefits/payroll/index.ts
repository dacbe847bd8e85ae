export * from './monthly-entitlement.ts';
export * from './survival-verification.ts';
export * from './account-drawdown.ts';
export * from './bank-file.ts';
export * from './paying-bank.ts';
