export * from './credit-account-interest.ts';
