export * from './maternity-rules.ts';
export * from './leave-days.ts';
export * from './allowance.ts';
export * from './medical-benefit.ts';
