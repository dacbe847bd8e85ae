import i18next, { type TFunction } from 'i18next';
import { ApiError } from '../../api/api-error.ts';
import type { DescribeProblem } from '../../components/problem-alert.tsx';
import { problemReason } from '../../shell/problem-reason.ts';

/**
 * What a failed call means, in the reader's language: the server's reason (its detailCode, or its code
 * and the field it names) translated by shell/problem-reason.ts; a lost session says to sign in again.
 */
export function problemText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return t('staffMoneyPages.errors.unauthenticated');
  return problemReason(i18next, error);
}

/** A failure worded by its reason alone (components/problem-alert.tsx). */
export const reasonAlone: DescribeProblem = (t, error) => ({ title: problemText(t, error) });

/** A failure worded as the page's title, with the reason beneath (components/problem-alert.tsx). */
export const failedAs =
  (title: string): DescribeProblem =>
  (t, error) => ({ title, detail: problemText(t, error) });
