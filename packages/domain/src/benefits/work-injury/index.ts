export * from './work-injury-rules.ts';
export * from './own-wage.ts';
export * from './disability-benefits.ts';
export * from './death-benefits.ts';
export * from './pension-top-up.ts';
