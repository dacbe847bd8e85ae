/**
 * The texts of the agency staff's payment, arrears and fund pages, in both languages. `staffMoneyZhCN` is the reference: `staffMoneyEn` must have
 * exactly its keys (the compiler checks it), and `resources.test.ts` checks both as for every other text.
 * Mounted under the `staffMoneyPages` key, so they are used as `t('staffMoneyPages.…')`.
 */
import type { Widen } from '../messages.ts';

export const staffMoneyZhCN = {
  title: '资金业务',
} as const;

export const staffMoneyEn: Widen<typeof staffMoneyZhCN> = {
  title: 'Payments and funds',
};
