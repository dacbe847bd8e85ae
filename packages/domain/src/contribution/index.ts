export * from './contribution-base.ts';
export * from './contribution-schedule.ts';
export * from './assess-person-month.ts';
export * from './calculate-contributions.ts';
export * from './insurance-columns.ts';
