export * from './death-benefit-rules.ts';
export * from './one-time-benefits.ts';
export * from './inheritance.ts';
