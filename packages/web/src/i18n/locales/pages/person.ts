/**
 * The texts of the person's pages, in both languages. `personZhCN` is the reference: `personEn` must have
 * exactly its keys (the compiler checks it), and `resources.test.ts` checks both as for every other text.
 * Mounted under the `personPages` key, so they are used as `t('personPages.…')`.
 */
import type { Widen } from '../messages.ts';

export const personZhCN = {
  nav: {
    home: '首页',
  },
} as const;

export const personEn: Widen<typeof personZhCN> = {
  nav: {
    home: 'Home',
  },
};
