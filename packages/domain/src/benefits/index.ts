export * from './pension/index.ts';
export * from './applications/index.ts';
export * from './payroll/index.ts';
export * from './death/index.ts';
