import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown while a route's code or the first data arrives. */
export function LoadingPage() {
  const { t } = useTranslation();
  return (
    <div className="loading-page" role="status" aria-live="polite">
      <Spin />
      <span>{t('app.loading')}</span>
    </div>
  );
}
