import i18next, { type TFunction } from 'i18next';
import { ApiError } from '../api/api-error.ts';
import type { ProblemWords } from '../components/problem-alert.tsx';
import { problemReason } from '../shell/problem-reason.ts';

/**
 * A failed request in the reader's language, chosen by status; the server's reason and the field it names
 * follow as details, translated too (staff often need them). For components/problem-alert.tsx.
 */
export function problemMessage(t: TFunction, error: unknown): ProblemWords {
  const status = error instanceof ApiError ? error.status : -1;
  const title =
    status === 0
      ? t('staffPages.problem.network')
      : status === 400 || status === 422
        ? t('staffPages.problem.invalid')
        : status === 403
          ? t('staffPages.problem.forbidden')
          : status === 404
            ? t('staffPages.problem.notFound')
            : status === 409
              ? t('staffPages.problem.conflict')
              : t('staffPages.problem.failed');
  // The server's reason, in the reader's language, naming the field at fault (shell/problem-reason.ts).
  const detail = error instanceof ApiError && error.problem ? problemReason(i18next, error) : '';
  return {
    title,
    detail: <>{detail && <p className="problem-detail">{t('staffPages.problem.detail', { detail })}</p>}</>,
  };
}
