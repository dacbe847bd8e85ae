import type { Migration } from 'kysely';
import * as m0001 from './0001-regions-and-policy.ts';

/**
 * Every migration, by name. A static map rather than a folder scan, so it works under tsx, Vitest
 * and any bundler alike. Names sort in run order: add the next as `NNNN-what-it-does`.
 */
export const migrations: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-regions-and-policy': m0001,
});
