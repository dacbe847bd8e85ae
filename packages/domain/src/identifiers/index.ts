export type { InvalidIdentifier } from './invalid.ts';
export * from './resident-id.ts';
export * from './organisation-code.ts';
export * from './credit-code.ts';
export * from './province-prefixes.ts';
export * from './generate.ts';
export * from './verification-code.ts';
