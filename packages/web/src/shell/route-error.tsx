import { CloseCircleFilled } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The last resort when a route fails to load or render (for example a chunk missing after a deploy).
 * Drawn as Ant Design's error Result is (styles.css, "route-error"), without Result itself: it is in
 * every first load, and Result brings its 404/403/500 pictures along (docs/BENCHMARKS.md, "First load").
 */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <main id="main" className="route-error">
      <CloseCircleFilled className="route-error-icon" aria-hidden />
      <h1 className="route-error-title">{t('error.title')}</h1>
      <p className="route-error-text">{t('error.text')}</p>
      <Button type="primary" onClick={() => window.location.reload()}>
        {t('error.reload')}
      </Button>
    </main>
  );
}
