export * from './registration-deadline.ts';
export * from './contribution-cycle.ts';
export * from './flexible-grade.ts';
export * from './ranges.ts';
export * from './region-scope.ts';
export * from './china-date.ts';
