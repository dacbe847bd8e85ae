import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { reasonAlone } from './problem-text.ts';

/** A failed load said in the reader's language, with a button that asks again (most failures pass). */
export function RetryAlert({ error, onRetry }: { error: unknown; onRetry: () => unknown }) {
  const { t } = useTranslation();
  return (
    <ProblemAlert
      error={error}
      describe={reasonAlone}
      action={<Button onClick={() => void onRetry()}>{t('staffMoneyPages.common.retry')}</Button>}
    />
  );
}
