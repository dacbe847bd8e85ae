import { Alert } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A failed request in the page's words: what went wrong, and the server's reason or what to do. */
export interface ProblemWords {
  title: ReactNode;
  detail?: ReactNode;
}

/** How a page words a failed request (its texts, chosen by status). */
export type DescribeProblem = (t: TFunction, error: unknown) => ProblemWords;

/**
 * A refused or failed request, announced to screen readers, in the reader's language: the page says how
 * (`describe`); an `action` (retry) sits beside it, `className` places it on the page.
 */
export function ProblemAlert({
  error,
  describe,
  action,
  className,
}: {
  error: unknown;
  describe: DescribeProblem;
  action?: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const words = describe(t, error);
  return (
    <Alert
      className={className}
      type="error"
      showIcon
      role="alert"
      title={words.title}
      description={words.detail}
      action={action}
    />
  );
}
