import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { problemMessage } from './problem-message.ts';

/** A failed load: that it failed, then why (the refusal's sentence and the server's reason). */
function loadFailed(t: TFunction, error: unknown) {
  const message = problemMessage(t, error);
  return {
    title: t('employerPages.common.loadFailed'),
    detail: [message.title, message.detail].filter(Boolean).join(' '),
  };
}

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
  if (query.isError)
    return (
      <ProblemAlert
        error={query.error}
        describe={loadFailed}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('employerPages.common.retry')}
          </Button>
        }
      />
    );
  return <>{children(query.data)}</>;
}
