export * from './contribution-base.ts';
export * from './calculate-contributions.ts';
