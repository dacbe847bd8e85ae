import type { TFunction } from 'i18next';
import { ApiError } from '../../api/api-error.ts';

/**
 * What a failed call means, in the reader's language, chosen by status. The server's problem details are
 * English sentences for developers; a validation problem keeps its detail, which names the field.
 */
export function problemText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError) || error.status === 0) return t('staffMoneyPages.errors.network');
  const detail = error.problem?.detail ?? error.message;
  switch (error.status) {
    case 400:
    case 422: {
      const first = error.problem?.errors?.[0];
      const field = first?.field ?? fieldOf(error.problem) ?? '?';
      return t('staffMoneyPages.errors.invalid', { field, detail: first?.reason ?? detail });
    }
    case 401:
      return t('staffMoneyPages.errors.unauthenticated');
    case 403:
      return t('staffMoneyPages.errors.forbidden');
    case 404:
      return t('staffMoneyPages.errors.notFound', { detail });
    case 409:
      return t('staffMoneyPages.errors.conflict');
    default:
      return t('staffMoneyPages.errors.server', { status: error.status });
  }
}

function fieldOf(problem: unknown): string | undefined {
  const field = (problem as { field?: unknown } | undefined)?.field;
  return typeof field === 'string' ? field : undefined;
}
