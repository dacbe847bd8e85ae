import { Alert, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { problemReason } from '../shell/problem-reason.ts';

/** The text of a failed request: the server's reason in the reader's language (shell/problem-reason.ts). */
export function failureText(error: unknown): string {
  return problemReason(i18next, error);
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
