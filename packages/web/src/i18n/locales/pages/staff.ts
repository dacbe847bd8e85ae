/**
 * The texts of the staff's pages, in both languages. `staffZhCN` is the reference: `staffEn` must have
 * exactly its keys (the compiler checks it), and `resources.test.ts` checks both as for every other text.
 * Mounted under the `staffPages` key, so they are used as `t('staffPages.…')`.
 */
import type { Widen } from '../messages.ts';

export const staffZhCN = {
  nav: {
    home: '首页',
  },
} as const;

export const staffEn: Widen<typeof staffZhCN> = {
  nav: {
    home: 'Home',
  },
};
