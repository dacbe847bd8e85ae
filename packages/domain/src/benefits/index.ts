export * from './pension/index.ts';
export * from './applications/index.ts';
export * from './payroll/index.ts';
export * from './death/index.ts';
export * from './work-injury/index.ts';
export * from './unemployment/index.ts';
export * from './maternity/index.ts';
