/**
 * The texts of the employer's pages, in both languages. `employerZhCN` is the reference: `employerEn` must have
 * exactly its keys (the compiler checks it), and `resources.test.ts` checks both as for every other text.
 * Mounted under the `employerPages` key, so they are used as `t('employerPages.…')`.
 */
import type { Widen } from '../messages.ts';

export const employerZhCN = {
  nav: {
    home: '首页',
  },
} as const;

export const employerEn: Widen<typeof employerZhCN> = {
  nav: {
    home: 'Home',
  },
};
