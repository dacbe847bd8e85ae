import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from './problem-message.ts';

/** The data of a query once it is there; while loading a spinner, on failure why, with a retry. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending)
    return (
      <div role="status" className="employer-loading">
        <Spin /> {t('employerPages.common.loading')}
      </div>
    );
  if (query.isError) {
    const message = problemMessage(t, query.error);
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('employerPages.common.loadFailed')}
        description={[message.title, message.detail].filter(Boolean).join(' ')}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('employerPages.common.retry')}
          </Button>
        }
      />
    );
  }
  return <>{children(query.data)}</>;
}
