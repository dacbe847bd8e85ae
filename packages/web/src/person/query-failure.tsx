import { Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import i18next, { type TFunction } from 'i18next';
import { ProblemAlert, type DescribeProblem } from '../components/problem-alert.tsx';
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

/** A failure worded by its reason alone (components/problem-alert.tsx). */
export const reasonAlone: DescribeProblem = (_t, error) => ({ title: failureText(error) });

/** A failure worded as the page's title, with the reason beneath (components/problem-alert.tsx). */
export const failedAs =
  (title: string): DescribeProblem =>
  (_t, error) => ({ title, detail: failureText(error) });

const loadFailed = (t: TFunction, error: unknown) => ({
  title: t('personPages.common.loadFailed'),
  detail: t('personPages.common.loadFailedText', { message: failureText(error) }),
});

/** A query that failed: why, and a way to try again. */
export function QueryFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <ProblemAlert
      error={error}
      describe={loadFailed}
      action={<Button onClick={onRetry}>{t('personPages.common.retry')}</Button>}
    />
  );
}
