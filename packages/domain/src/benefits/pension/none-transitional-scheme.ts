import type { TransitionalScheme } from './transitional-scheme.ts';

/** For people without deemed (pre-reform) service, and provinces that pay no transitional pension. */
export const noneTransitionalScheme: TransitionalScheme = {
  name: 'none',
  description: 'no transitional pension',
  draftTransitionalPension: () => ({
    numerator: 0n,
    denominator: 1n,
    rule: 'No transitional pension applies.',
    terms: '0',
    inputs: {},
    sources: ['GF-2005-38'],
  }),
};
