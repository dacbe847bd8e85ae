export * from './monthly-entitlement.ts';
