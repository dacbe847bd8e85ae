import { Alert, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';

/** The text of a failed request: the server's own reason (it names the field), or the status. */
export function failureText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** "Loading…" while a query runs, in a live region so a screen reader hears it. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="person-loading" role="status">
      <Spin size="small" /> {t('personPages.common.loading')}
    </div>
  );
}

/** A query that failed: why, and a way to try again. */
export function QueryFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('personPages.common.loadFailed')}
      description={t('personPages.common.loadFailedText', { message: failureText(error) })}
      action={<Button onClick={onRetry}>{t('personPages.common.retry')}</Button>}
    />
  );
}
