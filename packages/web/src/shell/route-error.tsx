import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** The last resort when a route fails to load or render (for example a chunk missing after a deploy). */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <main id="main">
      <Result
        status="error"
        title={<h1 className="result-title">{t('error.title')}</h1>}
        subTitle={t('error.text')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('error.reload')}
          </Button>
        }
      />
    </main>
  );
}
