export * from './dimensions.ts';
export * from './parameter.ts';
export * from './catalogue.ts';
export * from './policy-book.ts';
export * from './seeds/index.ts';
export * from './version-ends.ts';
