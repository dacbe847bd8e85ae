export * from './late-fee.ts';
export * from './allocate-payment.ts';
export * from './estimate-undeclared-month.ts';
