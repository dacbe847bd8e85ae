export * from './late-fee.ts';
export * from './allocate-payment.ts';
