import i18next, { type TFunction } from 'i18next';
import { ApiError } from '../../api/api-error.ts';
import { problemReason } from '../../shell/problem-reason.ts';

/**
 * What a failed call means, in the reader's language: the server's reason (its detailCode, or its code
 * and the field it names) translated by shell/problem-reason.ts; a lost session says to sign in again.
 */
export function problemText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.status === 401) return t('staffMoneyPages.errors.unauthenticated');
  return problemReason(i18next, error);
}
