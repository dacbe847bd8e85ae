import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from './problem-message.ts';

/** A refused request, announced to screen readers, in the reader's language. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = problemMessage(t, error);
  return <Alert type="error" showIcon role="alert" title={message.title} description={message.detail} />;
}
