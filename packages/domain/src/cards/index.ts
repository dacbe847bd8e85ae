export * from './card-number.ts';
export * from './card-lifecycle.ts';
export * from './card-fees.ts';
export * from './card-clocks.ts';
