import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';

/**
 * A failed request in the reader's language, chosen by status; the server's own sentence (English, for
 * developers and support) and the field it names follow as details, since staff often need them.
 */
export function ProblemAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : -1;
  const message =
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
  const problem = error instanceof ApiError ? error.problem : undefined;
  // Problem details name the field at fault (RFC 9457 extension member `field`, see the server's http/).
  const field = (problem as { field?: string } | undefined)?.field;
  const detail = [field, problem?.detail].filter(Boolean).join(': ');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? message}
      description={
        <>
          {title && <p>{message}</p>}
          {detail && <p className="problem-detail">{t('staffPages.problem.detail', { detail })}</p>}
        </>
      }
    />
  );
}
